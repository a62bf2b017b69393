package gov.supervision.support.messaging;

import java.time.Clock;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Claims an event id for a consumer with the unique {@code _id} of collection {@code
 * processed_events}, before acting on it: the first claim wins, a redelivery finds it taken and
 * does nothing. Use it for a side effect outside one document write; a change of one document
 * records the event id in that same write instead (e.g. an {@code appliedEvents} list).
 */
public class ProcessedEvents {

  static final String COLLECTION = "processed_events";

  private final MongoTemplate mongo;
  private final Clock clock;

  public ProcessedEvents(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * Claims the event for {@code consumer} and then runs {@code act}; when the act throws, the claim
   * is given back so a redelivery tries again. Returns false, without acting, when the event was
   * claimed before.
   */
  public boolean once(String consumer, String eventId, Runnable act) {
    String id = consumer + ":" + eventId;
    try {
      mongo.insert(new Document("_id", id).append("at", clock.instant()), COLLECTION);
    } catch (DuplicateKeyException e) {
      return false;
    }
    try {
      act.run();
      return true;
    } catch (RuntimeException | Error e) {
      mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION);
      throw e;
    }
  }

  /** Whether this consumer has claimed the event. */
  public boolean isProcessed(String consumer, String eventId) {
    return mongo
            .getCollection(COLLECTION)
            .countDocuments(new Document("_id", consumer + ":" + eventId))
        > 0;
  }
}
