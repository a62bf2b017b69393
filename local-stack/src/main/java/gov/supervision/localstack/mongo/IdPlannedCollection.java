package gov.supervision.localstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * An H2 collection that looks documents up by their {@code _id} index whenever the query names an
 * {@code _id}, as MongoDB's planner does. mongo-java-server uses an index only when the query has
 * exactly the index's fields, so {@code {_id, version}} (every optimistic-locking save) or {@code
 * {_id, status}} (a conditional update) scanned the whole collection: with thousands of documents
 * every such write cost a scan, and the store's CPU went to that.
 */
final class IdPlannedCollection extends H2Collection {

  private IdPlannedCollection(
      MongoDatabase database,
      String name,
      CollectionOptions options,
      MVStore store,
      String namespace,
      CursorRegistry cursors) {
    // the same maps as H2Database opens, so existing files read the same
    super(
        database,
        name,
        options,
        store.openMap("databases." + namespace),
        store.openMap("meta." + namespace),
        cursors);
  }

  static IdPlannedCollection open(
      MongoDatabase database,
      MVStore store,
      String name,
      String namespace,
      CollectionOptions options,
      CursorRegistry cursors) {
    return new IdPlannedCollection(database, name, options, store, namespace, cursors);
  }

  @Override
  protected QueryResult queryDocuments(
      Document query,
      Document orderBy,
      int skip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    if (query.size() > 1 && query.containsKey("_id")) {
      Document byId = new Document("_id", query.get("_id"));
      for (Index<Object> index : getIndexes()) {
        if (index.getName().equals("_id_") && index.canHandle(byId)) {
          // the candidates by _id, then the whole query checked on each
          return matchDocuments(
              query, index.getPositions(byId), orderBy, skip, limit, batchSize, fieldSelector);
        }
      }
    }
    return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
  }
}
