package gov.supervision.evaluation.accesslog;

import gov.supervision.contracts.accesslog.AccessLogCheckpointed;
import gov.supervision.evaluation.config.AccessLogProperties;
import gov.supervision.support.lease.Leases;
import gov.supervision.support.outbox.OutboxEvent;
import gov.supervision.support.outbox.OutboxEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Signed checkpoints of the access log ({@code {seq, headHash, time}}, HMAC by the {@link
 * AccessLogKey}): one every {@code every} entries (written by the append that reaches the number)
 * and one every {@code interval} while the log has grown since the last (one replica at a time,
 * lease {@code access-log-checkpoint}). Each is stored in {@code access_log_checkpoints} with
 * {@code _id = seq} (so at most one per entry) together with its {@link AccessLogCheckpointed}
 * event in the same single-document insert; the outbox relay publishes it to its own topic, where
 * the witness keeps it outside this service's database.
 */
public class AccessLogCheckpoints {

  private static final Logger log = LoggerFactory.getLogger(AccessLogCheckpoints.class);

  /** The checkpoints, also listed in {@code supervision.outbox.collections}. */
  public static final String COLLECTION = "access_log_checkpoints";

  static final String LEASE = "access-log-checkpoint";

  private final MongoTemplate mongo;
  private final OutboxEvents outboxEvents;
  private final AccessLogKey key;
  private final Leases leases;
  private final Clock clock;
  private final AccessLogProperties.Checkpoints properties;

  public AccessLogCheckpoints(
      MongoTemplate mongo,
      OutboxEvents outboxEvents,
      AccessLogKey key,
      Leases leases,
      Clock clock,
      AccessLogProperties.Checkpoints properties) {
    this.mongo = mongo;
    this.outboxEvents = outboxEvents;
    this.key = key;
    this.leases = leases;
    this.clock = clock;
    this.properties = properties;
  }

  /** After an append: a checkpoint when the entry's number is a multiple of {@code every}. */
  void afterAppend(AccessLogEntry entry) {
    if (properties.every() > 0 && entry.seq() % properties.every() == 0) {
      try {
        checkpoint(entry.seq(), entry.hash());
      } catch (RuntimeException e) {
        log.warn(
            "checkpoint at {} not written; the timed one covers it: {}", entry.seq(), e.toString());
      }
    }
  }

  @Scheduled(
      initialDelayString = "${supervision.access-log.checkpoints.interval:60s}",
      fixedDelayString = "${supervision.access-log.checkpoints.interval:60s}")
  void scheduled() {
    leases.runWhileHeld(LEASE, properties.interval(), this::checkpointHeadLogged);
  }

  private void checkpointHeadLogged() {
    try {
      checkpointHead();
    } catch (RuntimeException e) {
      log.warn("timed access-log checkpoint failed; the next run retries: {}", e.toString());
    }
  }

  /**
   * Signs the newest entry unless it is signed already. The newest stored entry is the head of a
   * whole chain: a writer inserts entry {@code n} only once entry {@code n-1} exists.
   */
  public Optional<Checkpoint> checkpointHead() {
    Document newest =
        mongo.findOne(
            new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
            Document.class,
            AccessLog.COLLECTION);
    if (newest == null) {
      return Optional.empty();
    }
    long seq = ((Number) newest.get("_id")).longValue();
    Optional<Checkpoint> last = newest();
    if (last.isPresent() && last.get().seq() >= seq) {
      return Optional.empty();
    }
    return Optional.of(checkpoint(seq, newest.getString("hash")));
  }

  /**
   * Signs entry {@code seq} with hash {@code headHash}; the existing one if it is signed already.
   */
  Checkpoint checkpoint(long seq, String headHash) {
    Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String signature = key.mac(Checkpoint.signedText(seq, headHash, time));
    OutboxEvent event =
        outboxEvents.of(new AccessLogCheckpointed(seq, headHash, time, key.id(), signature));
    Document doc =
        new Document("_id", seq)
            .append("headHash", headHash)
            .append("time", Date.from(time))
            .append("keyId", key.id())
            .append("signature", signature)
            .append(OutboxEvent.FIELD, List.of(ReadingWatch.pending(event)));
    try {
      mongo.insert(doc, COLLECTION);
      log.info("access log checkpoint {} {}", seq, headHash);
      return new Checkpoint(seq, headHash, time, key.id(), signature);
    } catch (DuplicateKeyException signedAlready) {
      return Checkpoint.from(mongo.findById(seq, Document.class, COLLECTION));
    }
  }

  /** The newest checkpoint stored here. */
  public Optional<Checkpoint> newest() {
    return Optional.ofNullable(
            mongo.findOne(
                new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                Document.class,
                COLLECTION))
        .map(Checkpoint::from);
  }

  /** A page of the checkpoints stored here, newest first. */
  public List<Checkpoint> page(int page, int size) {
    Query query = new Query().with(Sort.by(Sort.Direction.DESC, "_id"));
    query.skip((long) page * size).limit(size);
    return mongo.find(query, Document.class, COLLECTION).stream().map(Checkpoint::from).toList();
  }

  /** How many checkpoints are stored here. */
  public long count() {
    return mongo.count(new Query(), COLLECTION);
  }

  /** Every checkpoint stored here, oldest first. */
  List<Checkpoint> all() {
    return mongo
        .find(new Query().with(Sort.by(Sort.Direction.ASC, "_id")), Document.class, COLLECTION)
        .stream()
        .map(Checkpoint::from)
        .toList();
  }
}
