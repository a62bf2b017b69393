package gov.supervision.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import gov.supervision.testsupport.SuiteInfrastructure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An event id is claimed before the act: one act per event, and a failed act can be retried. */
class ProcessedEventsIT {

  private final MongoClient client =
      MongoClients.create(SuiteInfrastructure.get().mongoUri("processed"));
  private final MongoTemplate mongo = new MongoTemplate(client, "processed-" + UUID.randomUUID());
  private final ProcessedEvents processed = new ProcessedEvents(mongo, Clock.systemUTC());

  @AfterEach
  void tearDown() {
    mongo.getDb().drop();
    client.close();
  }

  @Test
  void aRedeliveredEventIsNotActedOnAgain() {
    AtomicInteger acts = new AtomicInteger();
    assertThat(processed.once("svc", "e-1", acts::incrementAndGet)).isTrue();
    assertThat(processed.once("svc", "e-1", acts::incrementAndGet)).isFalse();
    assertThat(acts).hasValue(1);
    assertThat(processed.isProcessed("svc", "e-1")).isTrue();
  }

  @Test
  void eachConsumerClaimsForItself() {
    AtomicInteger acts = new AtomicInteger();
    processed.once("checklist-service", "e-2", acts::incrementAndGet);
    processed.once("notification-service", "e-2", acts::incrementAndGet);
    assertThat(acts).hasValue(2);
  }

  @Test
  void aFailedActGivesTheClaimBackSoTheRedeliveryActs() {
    assertThatThrownBy(
            () ->
                processed.once(
                    "svc",
                    "e-3",
                    () -> {
                      throw new IllegalStateException("store down");
                    }))
        .hasMessage("store down");
    assertThat(processed.isProcessed("svc", "e-3")).isFalse();
    AtomicInteger acts = new AtomicInteger();
    assertThat(processed.once("svc", "e-3", acts::incrementAndGet)).isTrue();
    assertThat(acts).hasValue(1);
  }

  @Test
  void ofManyConcurrentDeliveriesExactlyOneActs() throws Exception {
    AtomicInteger acts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        claims.add(
            pool.submit(
                () -> {
                  start.await();
                  return processed.once("svc", "e-4", acts::incrementAndGet);
                }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> claim : claims) {
        won += claim.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
      assertThat(acts).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
