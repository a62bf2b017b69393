package gov.supervision.localstack.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The file-backed H2 backend, also answering MongoDB's {@code hello} command (the modern name of
 * {@code isMaster}, which mongo-java-server 1.47 lacks). Spring Boot's MongoDB health indicator
 * sends {@code hello}; without it every service's {@code /actuator/health} would be DOWN on the
 * embedded store although MongoDB itself answers it.
 */
final class HelloAwareH2Backend extends H2Backend {

  HelloAwareH2Backend(String fileName) {
    super(fileName);
  }

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
