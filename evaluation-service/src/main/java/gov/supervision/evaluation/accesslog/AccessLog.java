package gov.supervision.evaluation.accesslog;

import gov.supervision.support.store.OptimisticRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The append-only, hash-chained access log (collection {@code access_log}).
 *
 * <p>How the chain stays one chain with several writers (threads, replicas): every entry takes its
 * {@code seq} from one counter document ({@code findAndModify} {@code $inc}, atomic on a single
 * document), and the entry is stored with {@code _id = seq}, so there can never be two entries with
 * the same number - no fork is possible. The writer of entry {@code n} links it to the hash of
 * entry {@code n-1}: it waits until that entry exists (its writer took the number just before and
 * is inserting it). Writers therefore seal in seq order without any lock, and a slow writer only
 * delays its successors. Should a writer die between taking its number and inserting (its entry
 * would never appear), the successor, after {@code gapTimeout}, writes a {@code GAP} entry under
 * that number (visible, chained, verifiable); if the slow writer turns up after all, its insert
 * hits the unique {@code _id}, and it takes a new number - nothing is lost and nothing is forked.
 *
 * <p>Each entry is also sealed with the {@link AccessLogKey} (not in the store), and the head is
 * signed now and then by {@link AccessLogCheckpoints}; {@link ChainVerifier} checks all of it.
 */
public class AccessLog {

  static final String COLLECTION = "access_log";
  static final String COUNTERS = "counters";
  static final String COUNTER = "access_log";
  static final String GAP = "GAP";

  private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

  private final MongoTemplate mongo;
  private final Clock clock;
  private final Duration gapTimeout;
  private final AccessLogKey key;
  private final AccessLogCheckpoints checkpoints;

  /**
   * The entry this instance sealed last: when it writes the next number, the link needs no store
   * read. Only ever compared by number, so a miss just reads the store.
   */
  private final AtomicReference<AccessLogEntry> lastSealed = new AtomicReference<>();

  public AccessLog(
      MongoTemplate mongo,
      Clock clock,
      Duration gapTimeout,
      AccessLogKey key,
      AccessLogCheckpoints checkpoints) {
    this.mongo = mongo;
    this.clock = clock;
    this.gapTimeout = gapTimeout;
    this.key = key;
    this.checkpoints = checkpoints;
  }

  /** What one read was. */
  public record Read(
      String actor,
      List<String> roles,
      String cadreId,
      String purpose,
      String endpoint,
      int outcome,
      String requestId) {}

  /** Appends a read to the chain and returns the sealed entry. */
  public AccessLogEntry append(Read read) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // a duplicate key: our number was declared a gap while we stalled, so take a new one
    AccessLogEntry entry = OptimisticRetry.retry(() -> writeAt(nextSeq(), read, at));
    checkpoints.afterAppend(entry);
    return entry;
  }

  private AccessLogEntry writeAt(long seq, Read read, Instant at) {
    String previousHash = seq == 1 ? AccessLogEntry.GENESIS : hashOf(seq - 1);
    AccessLogEntry entry =
        new AccessLogEntry(
                seq,
                read.actor(),
                read.roles(),
                at,
                read.cadreId(),
                read.purpose(),
                read.endpoint(),
                read.outcome(),
                read.requestId(),
                null,
                null,
                null)
            .sealedAfter(previousHash)
            .macBy(key);
    mongo.insert(entry.toDocument(), COLLECTION);
    lastSealed.set(entry);
    return entry;
  }

  /** The hash of entry {@code seq}, waiting for its writer; declares a gap after the timeout. */
  private String hashOf(long seq) {
    AccessLogEntry sealedHere = lastSealed.get();
    if (sealedHere != null && sealedHere.seq() == seq) {
      return sealedHere.hash();
    }
    long deadline = System.nanoTime() + gapTimeout.toNanos();
    long pauseMicros = 200;
    while (true) {
      Document found = mongo.findById(seq, Document.class, COLLECTION);
      if (found != null) {
        return found.getString("hash");
      }
      if (System.nanoTime() > deadline) {
        log.warn("access log: entry {} did not appear within {}; declaring a GAP", seq, gapTimeout);
        try {
          writeAt(
              seq,
              new Read("-", List.of(), null, null, GAP, 0, null),
              clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (DuplicateKeyException e) {
          // the late writer made it after all
        }
        deadline = System.nanoTime() + gapTimeout.toNanos();
        continue;
      }
      LockSupport.parkNanos(pauseMicros * 1_000);
      pauseMicros = Math.min(pauseMicros * 2, 5_000);
    }
  }

  private long nextSeq() {
    Query counter = new Query(Criteria.where("_id").is(COUNTER));
    Update inc = new Update().inc("seq", 1L);
    FindAndModifyOptions options = FindAndModifyOptions.options().returnNew(true).upsert(true);
    // two first-ever upserts may race (duplicate key); the retry finds the document
    Document doc =
        OptimisticRetry.retry(
            () -> mongo.findAndModify(counter, inc, options, Document.class, COUNTERS));
    return ((Number) doc.get("seq")).longValue();
  }

  /** What the auditor filters the log by; every field may be null. */
  public record Filter(
      String cadreId, String actor, String purpose, Integer outcome, Instant from, Instant to) {}

  /** Entries matching the filter, newest first. */
  public List<AccessLogEntry> find(Filter filter, int page, int size) {
    Query query = query(filter).with(Sort.by(Sort.Direction.DESC, "_id"));
    query.skip((long) page * size).limit(size);
    return mongo.find(query, Document.class, COLLECTION).stream()
        .map(AccessLogEntry::from)
        .toList();
  }

  /** How many entries match the filter. */
  public long count(Filter filter) {
    return mongo.count(query(filter), COLLECTION);
  }

  private static Query query(Filter filter) {
    List<Criteria> all = new ArrayList<>();
    if (filter.cadreId() != null) {
      all.add(Criteria.where("cadreId").is(filter.cadreId()));
    }
    if (filter.actor() != null) {
      all.add(Criteria.where("actor").is(filter.actor()));
    }
    if (filter.purpose() != null) {
      all.add(Criteria.where("purpose").is(filter.purpose()));
    }
    if (filter.outcome() != null) {
      all.add(Criteria.where("outcome").is(filter.outcome()));
    }
    if (filter.from() != null) {
      all.add(Criteria.where("at").gte(java.util.Date.from(filter.from())));
    }
    if (filter.to() != null) {
      all.add(Criteria.where("at").lt(java.util.Date.from(filter.to())));
    }
    return all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
  }
}
