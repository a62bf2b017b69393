package gov.supervision.testsupport;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The in-memory backend of the tests, also answering MongoDB's {@code hello} command (the modern
 * name of {@code isMaster}, which mongo-java-server 1.47 lacks), so Spring Boot's own MongoDB
 * health indicator reports UP in tests as it does against MongoDB and the local stack.
 */
public final class HelloAwareMemoryBackend extends MemoryBackend {

  @Override
  public Document handleCommand(
      Channel channel, String databaseName, String command, Document query) {
    if ("hello".equalsIgnoreCase(command)) {
      Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
      reply.put("isWritablePrimary", Boolean.TRUE);
      return reply;
    }
    return super.handleCommand(channel, databaseName, command, query);
  }
}
