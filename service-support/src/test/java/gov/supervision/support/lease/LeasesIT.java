package gov.supervision.support.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import gov.supervision.testsupport.SuiteInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Scheduled work under a lease runs on one instance at a time and always gives the lease back; run
 * against the store the tests use (the embedded wire-protocol server here, MongoDB where Docker
 * runs), which must keep the conditional upsert a lease is taken with.
 */
class LeasesIT {

  private static final Duration TTL = Duration.ofMinutes(5);

  private final MongoClient client =
      MongoClients.create(SuiteInfrastructure.get().mongoUri("leases"));
  private final MongoTemplate mongo = new MongoTemplate(client, "leases-" + UUID.randomUUID());
  private final Leases one = new Leases(mongo, Clock.systemUTC());
  private final Leases other = new Leases(mongo, Clock.systemUTC());

  @AfterEach
  void tearDown() {
    mongo.getDb().drop();
    client.close();
  }

  @Test
  void workRunsWhileTheLeaseIsHeldAndNotOnAnotherInstanceMeanwhile() {
    AtomicInteger otherRuns = new AtomicInteger();
    Optional<String> result =
        one.callWhileHeld(
            "scan",
            TTL,
            () -> {
              boolean ranThere = other.runWhileHeld("scan", TTL, otherRuns::incrementAndGet);
              return ranThere ? "both ran" : "only here";
            });
    assertThat(result).contains("only here");
    assertThat(otherRuns).hasValue(0);
  }

  @Test
  void theLeaseIsGivenBackAfterTheWorkSoTheNextInstanceRuns() {
    assertThat(one.runWhileHeld("scan", TTL, () -> {})).isTrue();
    AtomicInteger runs = new AtomicInteger();
    assertThat(other.runWhileHeld("scan", TTL, runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(1);
  }

  @Test
  void theLeaseIsGivenBackWhenTheWorkFails() {
    assertThatThrownBy(
            () ->
                one.runWhileHeld(
                    "scan",
                    TTL,
                    () -> {
                      throw new IllegalStateException("scan broke");
                    }))
        .hasMessage("scan broke");
    assertThat(other.callWhileHeld("scan", TTL, () -> "ran")).contains("ran");
  }

  @Test
  void aLeaseHeldElsewhereKeepsTheWorkFromRunning() {
    assertThat(other.tryAcquire("scan", TTL)).isTrue();
    AtomicInteger runs = new AtomicInteger();
    assertThat(one.runWhileHeld("scan", TTL, runs::incrementAndGet)).isFalse();
    assertThat(one.callWhileHeld("scan", TTL, runs::incrementAndGet)).isEmpty();
    assertThat(runs).hasValue(0);
  }

  @Test
  void leaseIsHeldByOneInstanceUntilItExpires() {
    Clock now = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    Leases first = new Leases(mongo, now);
    Leases second = new Leases(mongo, now);

    assertThat(first.tryAcquire("light-scan", Duration.ofMinutes(1))).isTrue();
    assertThat(second.tryAcquire("light-scan", Duration.ofMinutes(1))).isFalse();
    assertThat(first.tryAcquire("light-scan", Duration.ofMinutes(1))).isTrue();

    Leases later = new Leases(mongo, Clock.offset(now, Duration.ofMinutes(2)));
    assertThat(later.tryAcquire("light-scan", Duration.ofMinutes(1))).isTrue();
  }
}
