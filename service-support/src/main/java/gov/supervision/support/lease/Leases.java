package gov.supervision.support.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Cluster-wide leases in collection {@code leases}: a scheduled job that must run on one replica at
 * a time takes the lease first. A lease is free when it has expired or this instance holds it.
 */
public class Leases {

  static final String COLLECTION = "leases";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final String holder = UUID.randomUUID().toString();

  public Leases(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** Takes or renews the named lease for {@code ttl}; false when another instance holds it. */
  public boolean tryAcquire(String name, Duration ttl) {
    Instant now = clock.instant();
    Query free =
        new Query(
            Criteria.where("_id")
                .is(name)
                .orOperator(
                    Criteria.where("expiresAt").lt(now), Criteria.where("holder").is(holder)));
    Update take = new Update().set("holder", holder).set("expiresAt", now.plus(ttl));
    try {
      mongo.upsert(free, take, COLLECTION);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * Runs {@code work} while holding the named lease (taken for {@code ttl}, given back afterwards,
   * also when {@code work} throws); empty, without running it, when another instance holds it.
   */
  public <T> Optional<T> callWhileHeld(String name, Duration ttl, Supplier<T> work) {
    if (!tryAcquire(name, ttl)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(work.get());
    } finally {
      release(name);
    }
  }

  /** As {@link #callWhileHeld} for work without a result; false when it did not run. */
  public boolean runWhileHeld(String name, Duration ttl, Runnable work) {
    return callWhileHeld(
            name,
            ttl,
            () -> {
              work.run();
              return Boolean.TRUE;
            })
        .isPresent();
  }

  /** Gives the lease back early, if this instance holds it. */
  public void release(String name) {
    mongo.remove(new Query(Criteria.where("_id").is(name).and("holder").is(holder)), COLLECTION);
  }

  /** This instance's holder id. */
  public String holder() {
    return holder;
  }
}
