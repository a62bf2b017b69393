package gov.supervision.localstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The file-backed H2 backend, also answering MongoDB's {@code hello} command (the modern name of
 * {@code isMaster}, which mongo-java-server 1.47 lacks). Spring Boot's MongoDB health indicator
 * sends {@code hello}; without it every service's {@code /actuator/health} would be DOWN on the
 * embedded store although MongoDB itself answers it. Its databases find documents by their {@code
 * _id} index whenever a query names one ({@link IdPlannedCollection}).
 */
final class HelloAwareH2Backend extends H2Backend {

  HelloAwareH2Backend(String fileName) {
    super(fileName);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    MVStore store = getMvStore();
    // anonymous, so that the captured store is set before H2Database's constructor opens the
    // collections that already exist
    return new H2Database(databaseName, store, getCursorRegistry()) {
      @Override
      protected MongoCollection<Object> openOrCreateCollection(
          String collectionName, CollectionOptions options) {
        return IdPlannedCollection.open(
            this,
            store,
            collectionName,
            getFullCollectionNamespace(collectionName),
            options,
            cursorRegistry);
      }
    };
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
