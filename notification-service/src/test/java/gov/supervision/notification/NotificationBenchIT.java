package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.checklist.ItemPublished;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Benchmark, not a test (tag {@code bench}, left out of verify): event on the topic -> notification
 * stored, p50/p99 over 1,000 events, paced (200/s) and as one burst. Run with {@code ./mvnw -pl
 * notification-service verify -Dbench.excluded=none -Dit.test=NotificationBenchIT -Dtest=skip
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures go to the log and to {@code
 * target/notification-bench.txt}.
 */
@Tag("bench")
class NotificationBenchIT extends NotificationITSupport {

  private static final int EVENTS = 1000;

  @Autowired MongoTemplate mongo;

  @Test
  void eventToStoredNotificationLatency() throws Exception {
    warmUp();
    String raw = rawDriverBaseline();
    String paced = run(Duration.ofMillis(5));
    String burst = run(Duration.ZERO);
    String report =
        "notification-service, event on topic -> notification stored ("
            + EVENTS
            + " events, embedded KRaft broker + mongo-java-server, 3 listener threads; load average "
            + (Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).trim()
                : "n/a")
            + " on this shared machine)\n"
            + "raw driver insert, same store and unique index: "
            + raw
            + "\npaced 200/s: "
            + paced
            + "\nburst:       "
            + burst
            + "\n";
    System.out.println(report);
    Files.writeString(Path.of("target", "notification-bench.txt"), report);
  }

  /** The same store through the raw driver: one insert per notification, same unique index. */
  private String rawDriverBaseline() {
    var collection =
        mongo.getCollection("bench_raw_" + UUID.randomUUID().toString().substring(0, 6));
    collection.createIndex(
        new Document("eventId", 1).append("addressee.kind", 1).append("addressee.id", 1),
        new com.mongodb.client.model.IndexOptions().unique(true));
    List<Long> micros = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < EVENTS; i++) {
      long t0 = System.nanoTime();
      collection.insertOne(
          new Document("_id", UUID.randomUUID().toString())
              .append("eventId", UUID.randomUUID().toString())
              .append("addressee", new Document("kind", "PERSON").append("id", "p" + (i % 20)))
              .append("args", List.of("压测", "FGW", "2026-12-31", "/api/items/x"))
              .append("createdAt", new java.util.Date()));
      micros.add((System.nanoTime() - t0) / 1000);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    collection.drop();
    micros.sort(Long::compare);
    return String.format(
        "p50 %.2f ms, p99 %.2f ms, %.0f inserts/s",
        at(micros, 0.50), at(micros, 0.99), EVENTS / seconds);
  }

  private void warmUp() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      publishAsync(new ItemPublished(item("FGW", "warm-" + (i % 5), "预热 " + i)), id);
    }
    Query q = new Query(Criteria.where("eventId").in(ids));
    await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(q, "notifications") == 100);
  }

  private String run(Duration pace) throws Exception {
    Map<String, Instant> sentAt = new HashMap<>();
    String run = UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < EVENTS; i++) {
      String id = UUID.randomUUID().toString();
      ItemPublished event =
          new ItemPublished(item("FGW", "bench-" + run + "-" + (i % 20), "压测 " + i));
      sentAt.put(id, Instant.now());
      publishAsync(event, id);
      if (!pace.isZero()) {
        Thread.sleep(pace.toMillis());
      }
    }
    Query q = new Query(Criteria.where("eventId").in(sentAt.keySet()));
    await().atMost(Duration.ofSeconds(120)).until(() -> mongo.count(q, "notifications") == EVENTS);
    Duration offset = clock.offset();
    List<Long> micros = new ArrayList<>();
    for (Document d : mongo.getCollection("notifications").find(q.getQueryObject())) {
      Instant created = d.getDate("createdAt").toInstant().minus(offset);
      micros.add(Duration.between(sentAt.get(d.getString("eventId")), created).toNanos() / 1000);
    }
    assertThat(micros).hasSize(EVENTS);
    micros.sort(Long::compare);
    return String.format(
        "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
        at(micros, 0.50),
        at(micros, 0.90),
        at(micros, 0.99),
        micros.get(micros.size() - 1) / 1000.0);
  }

  private static double at(List<Long> sorted, double q) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1000.0;
  }
}
