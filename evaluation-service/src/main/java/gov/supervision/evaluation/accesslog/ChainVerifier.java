package gov.supervision.evaluation.accesslog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Checks the access log the way tamper-evident logs are checked: every number up to the counter
 * must hold an entry that links to its predecessor, carries its own correct hash and the key's
 * seal; every signed checkpoint, the service's own and the witness's, must be reached by the chain
 * with the same hash. Whoever can write the store can delete or rewrite entries and even re-hash
 * the chain, but cannot seal or sign without the key, nor reach the witness's copy: each such
 * attack is reported with the number where the chain breaks.
 */
public class ChainVerifier {

  static final int BATCH = 500;

  private final MongoTemplate mongo;
  private final AccessLogKey key;
  private final AccessLogCheckpoints checkpoints;
  private final Duration gapTimeout;

  public ChainVerifier(
      MongoTemplate mongo,
      AccessLogKey key,
      AccessLogCheckpoints checkpoints,
      Duration gapTimeout) {
    this.mongo = mongo;
    this.key = key;
    this.checkpoints = checkpoints;
    this.gapTimeout = gapTimeout;
  }

  /** Walks the whole chain and compares it with the checkpoints here and at the witness. */
  public Verification verify(Witness.Answer witnessed) {
    return new Walk(witnessed).run();
  }

  private long counter() {
    Document counter = mongo.findById(AccessLog.COUNTER, Document.class, AccessLog.COUNTERS);
    return counter == null ? 0 : ((Number) counter.get("seq")).longValue();
  }

  /** The state of one walk. */
  private final class Walk {

    private final Witness.Answer witnessed;
    private final TreeMap<Long, Checkpoint> local;
    private final TreeMap<Long, Checkpoint> witness;
    private final List<Gap> gaps = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Long> declaredGapsSinceMatch = new ArrayList<>();
    private long firstBroken = Long.MAX_VALUE;
    private long firstBreakSinceMatch = Long.MAX_VALUE;
    private boolean forged;
    private boolean witnessBroken;
    private long lastMatch;

    Walk(Witness.Answer witnessed) {
      this.witnessed = witnessed;
      this.local = bySeq(checkpoints.all());
      this.witness = bySeq(witnessed.checkpoints());
    }

    private static TreeMap<Long, Checkpoint> bySeq(List<Checkpoint> list) {
      // the first one per number wins, as at the witness
      return list.stream()
          .collect(
              Collectors.toMap(Checkpoint::seq, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    Verification run() {
      long counter = counter();
      long expected = 1;
      String previousHash = AccessLogEntry.GENESIS;
      boolean linkKnown = true;
      boolean sealSeen = false;
      boolean waitedForWriters = false;
      while (true) {
        Query batch =
            new Query(Criteria.where("_id").gte(expected))
                .with(Sort.by(Sort.Direction.ASC, "_id"))
                .limit(BATCH);
        List<Document> docs = mongo.find(batch, Document.class, AccessLog.COLLECTION);
        if (docs.isEmpty()) {
          if (expected <= counter && !waitedForWriters) {
            // writers may be inserting the newest numbers right now: look once more after that
            waitedForWriters = true;
            LockSupport.parkNanos(gapTimeout.toNanos() + 100_000_000L);
            continue;
          }
          break;
        }
        for (Document doc : docs) {
          AccessLogEntry entry = AccessLogEntry.from(doc);
          long seq = entry.seq();
          if (seq > expected) {
            missing(expected, seq - 1, "entries missing before entry " + seq);
            linkKnown = false;
          }
          if (AccessLog.GAP.equals(entry.endpoint())) {
            declaredGap(seq);
          }
          if (linkKnown && !previousHash.equals(entry.prevHash())) {
            broken(seq, "LINK", "does not link to the hash of entry " + (seq - 1));
          }
          if (!entry.expectedHash().equals(entry.hash())) {
            broken(seq, "HASH", "its hash does not match its fields");
          }
          if (entry.mac() != null) {
            sealSeen = true;
            if (!key.verifies(entry.hash(), entry.mac())) {
              broken(seq, "SEAL", "its seal was not made with the key (rewritten or re-hashed)");
            }
          } else if (sealSeen) {
            broken(seq, "SEAL", "unsealed after sealed entries (rewritten or re-hashed)");
          }
          compare(local.get(seq), "CHECKPOINT", entry);
          compare(witness.get(seq), "WITNESS", entry);
          previousHash = entry.hash();
          linkKnown = true;
          expected = seq + 1;
        }
      }
      long head = expected - 1;
      if (counter > head) {
        missing(head + 1, counter, "entries missing up to the counter " + counter);
      }
      long counterNow = counter();
      if (head > counterNow) {
        broken(counterNow + 1, "COUNTER", "entries stored beyond the counter " + counterNow);
      }
      ahead(local, head, "CHECKPOINT");
      ahead(witness, head, "WITNESS");
      Long witnessedSeq = witness.isEmpty() ? null : witness.lastKey();
      String witnessState;
      if (!witnessed.reached()) {
        witnessState = "UNAVAILABLE";
        problems.add(new Problem(null, "WITNESS_UNAVAILABLE", witnessed.problem()));
      } else if (witnessBroken) {
        witnessState = "BROKEN";
      } else {
        witnessState = witnessedSeq == null ? "NONE" : "MATCH";
      }
      Long first = firstBroken == Long.MAX_VALUE ? null : firstBroken;
      long intactUpTo = first == null ? head : first - 1;
      return new Verification(
          first == null && !forged,
          intactUpTo - missingUpTo(intactUpTo),
          first,
          counter,
          head,
          List.copyOf(gaps),
          local.isEmpty() ? null : local.lastKey(),
          witnessedSeq,
          witnessState,
          List.copyOf(problems));
    }

    /** A checkpoint at this entry must carry the key's signature and the entry's hash. */
    private void compare(Checkpoint checkpoint, String where, AccessLogEntry entry) {
      if (checkpoint == null) {
        return;
      }
      if (!checkpoint.signedBy(key)) {
        forged(checkpoint, where);
        return;
      }
      if (!entry.hash().equals(checkpoint.headHash())) {
        // the entries changed since it was signed: where a break or a declared gap (deleted
        // entries refilled) shows since the last matching checkpoint, else right after that one
        long at = firstBreakSinceMatch;
        if (!declaredGapsSinceMatch.isEmpty()) {
          at = Math.min(at, declaredGapsSinceMatch.get(0));
        }
        if (at == Long.MAX_VALUE) {
          at = lastMatch + 1;
        }
        broken(
            at,
            where,
            "the chain no longer reaches the "
                + label(where)
                + " of entry "
                + entry.seq()
                + " with the same hash: changed from here on");
        witnessBroken |= "WITNESS".equals(where);
        return;
      }
      lastMatch = entry.seq();
      declaredGapsSinceMatch.clear();
      firstBreakSinceMatch = Long.MAX_VALUE;
    }

    /** Signed checkpoints beyond the newest entry: the log was cut. */
    private void ahead(Map<Long, Checkpoint> signed, long head, String where) {
      for (Checkpoint checkpoint : signed.values()) {
        if (checkpoint.seq() <= head) {
          continue;
        }
        if (!checkpoint.signedBy(key)) {
          forged(checkpoint, where);
          continue;
        }
        broken(
            head + 1,
            where,
            "the "
                + label(where)
                + " of entry "
                + checkpoint.seq()
                + " lies beyond the newest"
                + " entry "
                + head
                + ": the log was cut");
        witnessBroken |= "WITNESS".equals(where);
      }
    }

    private void forged(Checkpoint checkpoint, String where) {
      forged = true;
      witnessBroken |= "WITNESS".equals(where);
      problems.add(
          new Problem(
              checkpoint.seq(),
              where + "_SIGNATURE",
              "the "
                  + label(where)
                  + " of entry "
                  + checkpoint.seq()
                  + " is not signed by the key"));
    }

    private static String label(String where) {
      return "WITNESS".equals(where) ? "witnessed checkpoint" : "checkpoint";
    }

    private void missing(long from, long to, String message) {
      gaps.add(new Gap(from, to, "MISSING"));
      broken(from, "MISSING", message + " (" + from + ".." + to + ")");
    }

    private void declaredGap(long seq) {
      declaredGapsSinceMatch.add(seq);
      Gap last = gaps.isEmpty() ? null : gaps.get(gaps.size() - 1);
      if (last != null && "GAP".equals(last.kind()) && last.to() == seq - 1) {
        gaps.set(gaps.size() - 1, new Gap(last.from(), seq, "GAP"));
      } else {
        gaps.add(new Gap(seq, seq, "GAP"));
      }
    }

    private void broken(long seq, String kind, String message) {
      firstBroken = Math.min(firstBroken, seq);
      if (seq > lastMatch) {
        firstBreakSinceMatch = Math.min(firstBreakSinceMatch, seq);
      }
      problems.add(new Problem(seq, kind, message));
    }

    private long missingUpTo(long seq) {
      return gaps.stream()
          .filter(g -> "MISSING".equals(g.kind()) && g.from() <= seq)
          .mapToLong(g -> Math.min(g.to(), seq) - g.from() + 1)
          .sum();
    }
  }
}
