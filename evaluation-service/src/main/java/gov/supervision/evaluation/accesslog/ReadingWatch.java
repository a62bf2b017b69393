package gov.supervision.evaluation.accesslog;

import gov.supervision.contracts.evaluation.UnusualReadingRaised;
import gov.supervision.evaluation.config.ReadingAlertProperties;
import gov.supervision.support.outbox.OutboxEvent;
import gov.supervision.support.outbox.OutboxEvents;
import gov.supervision.support.store.OptimisticRetry;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Counts each person's reads and refused reads per window (one counter document per person and
 * window, {@code findAndModify $inc}) and raises an alert for the auditors when a count goes past
 * its threshold: a document in {@code reading_alerts} whose id is (reader, reason, window), so the
 * alert exists once however many reads follow, written together with its {@code
 * UnusualReadingRaised} event in its outbox (one single-document insert).
 */
public class ReadingWatch {

  private static final Logger log = LoggerFactory.getLogger(ReadingWatch.class);

  /** The counters: {@code _id = reader|windowStartMillis}. */
  static final String WINDOWS = "reading_windows";

  /** The alerts, also listed in {@code supervision.outbox.collections}. */
  public static final String ALERTS = "reading_alerts";

  private final MongoTemplate mongo;
  private final OutboxEvents outboxEvents;
  private final ReadingAlertProperties properties;
  private final Clock clock;

  public ReadingWatch(
      MongoTemplate mongo,
      OutboxEvents outboxEvents,
      ReadingAlertProperties properties,
      Clock clock) {
    this.mongo = mongo;
    this.outboxEvents = outboxEvents;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Counts one read by {@code reader} that ended with HTTP status {@code outcome}, and raises what
   * it makes unusual. Never fails the read: a problem here is logged, and the next read of the
   * window tries the alert again.
   */
  public void observe(String reader, int outcome) {
    try {
      Instant start = windowStart(clock.instant());
      boolean refused = outcome >= 400 && outcome < 500;
      Document counts = count(reader, start, refused);
      int reads = ((Number) counts.get("reads")).intValue();
      int refusals = ((Number) counts.get("refused")).intValue();
      if (reads > properties.maxReads()) {
        raise(reader, ReadingReason.READ_VOLUME, reads, properties.maxReads(), start);
      }
      if (refused && refusals > properties.maxRefused()) {
        raise(reader, ReadingReason.REFUSED_READS, refusals, properties.maxRefused(), start);
      }
    } catch (RuntimeException e) {
      log.warn("reading watch could not count a read by {}: {}", reader, e.toString());
    }
  }

  private Document count(String reader, Instant start, boolean refused) {
    Query window = new Query(Criteria.where("_id").is(reader + "|" + start.toEpochMilli()));
    Update inc =
        new Update()
            .inc("reads", 1)
            .inc("refused", refused ? 1 : 0)
            .setOnInsert("reader", reader)
            .setOnInsert("windowStart", Date.from(start));
    FindAndModifyOptions options = FindAndModifyOptions.options().returnNew(true).upsert(true);
    // two first reads of the window may race (duplicate key); the retry finds the document
    return OptimisticRetry.retry(
        () -> mongo.findAndModify(window, inc, options, Document.class, WINDOWS));
  }

  private void raise(String reader, ReadingReason reason, int count, int threshold, Instant start) {
    String id = reader + "|" + reason + "|" + start.toEpochMilli();
    if (mongo.exists(new Query(Criteria.where("_id").is(id)), ALERTS)) {
      return;
    }
    Instant end = start.plus(properties.window());
    OutboxEvent event =
        outboxEvents.of(
            new UnusualReadingRaised(reader, reason.name(), count, threshold, start, end));
    Document alert =
        new Document("_id", id)
            .append("reader", reader)
            .append("reason", reason.name())
            .append("count", count)
            .append("threshold", threshold)
            .append("windowStart", Date.from(start))
            .append("windowEnd", Date.from(end))
            .append("raisedAt", Date.from(clock.instant()))
            .append(OutboxEvent.FIELD, List.of(pending(event)));
    try {
      mongo.insert(alert, ALERTS);
      log.info("unusual reading by {}: {} {} > {}", reader, reason, count, threshold);
    } catch (DuplicateKeyException alreadyRaised) {
      // another read of the same window raised it first
    }
  }

  /** The pending event as the relay reads it from an aggregate's {@code outbox}. */
  static Document pending(OutboxEvent event) {
    return new Document("eventId", event.eventId())
        .append("type", event.type())
        .append("topic", event.topic())
        .append("key", event.key())
        .append("time", Date.from(event.time()))
        .append("requestId", event.requestId())
        .append("traceParent", event.traceParent())
        .append("payload", event.payload());
  }

  private Instant windowStart(Instant now) {
    long window = properties.window().toMillis();
    long millis = now.toEpochMilli();
    return Instant.ofEpochMilli(millis - Math.floorMod(millis, window));
  }

  /** The raised alerts (of one reader, when given), newest first. */
  public List<Alert> alerts(String reader, int page, int size) {
    Query query =
        alertQuery(reader)
            .with(
                org.springframework.data.domain.Sort.by(
                    org.springframework.data.domain.Sort.Direction.DESC, "raisedAt"));
    query.skip((long) page * size).limit(size);
    return mongo.find(query, Document.class, ALERTS).stream().map(Alert::from).toList();
  }

  /** How many alerts there are (of one reader, when given). */
  public long countAlerts(String reader) {
    return mongo.count(alertQuery(reader), ALERTS);
  }

  private static Query alertQuery(String reader) {
    return reader == null ? new Query() : new Query(Criteria.where("reader").is(reader));
  }
}
