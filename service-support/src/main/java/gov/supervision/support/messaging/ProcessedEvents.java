package gov.supervision.support.messaging;

import java.time.Clock;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Claims an event id for a consumer with the unique {@code _id} of collection {@code
 * processed_events}: the first claim wins, a redelivery finds it taken. Claim before the side
 * effect only when the side effect is in the same document write, or itself idempotent.
 */
public class ProcessedEvents {

  static final String COLLECTION = "processed_events";

  private final MongoTemplate mongo;
  private final Clock clock;

  public ProcessedEvents(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** True if this consumer had not processed the event before (and now owns it). */
  public boolean claim(String consumer, String eventId) {
    try {
      mongo.insert(
          new Document("_id", consumer + ":" + eventId).append("at", clock.instant()), COLLECTION);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Whether this consumer has processed the event. */
  public boolean isProcessed(String consumer, String eventId) {
    return mongo
            .getCollection(COLLECTION)
            .countDocuments(new Document("_id", consumer + ":" + eventId))
        > 0;
  }
}
