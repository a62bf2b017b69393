package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.Topics;
import gov.supervision.testsupport.SuiteInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measurement, not a test (tag {@code bench}, excluded from {@code verify}): event latency from a
 * change (the HTTP answer of a finding raised, i.e. the document write with its outbox is done) to
 * the record being readable on {@code supervision.checklist.v1}, p50/p99 over 1,000 changes. Run:
 * {@code ./mvnw -pl checklist-service verify -Dit.excludedGroups=none -Dit.test=EventLatencyBenchIT
 * -Dtest=skip -Dsurefire.failIfNoSpecifiedTests=false}. Writes {@code
 * target/bench/event-latency.txt}.
 */
@Tag("bench")
class EventLatencyBenchIT extends ChecklistIT {

  static final int CHANGES = 1_000;
  static final int ITEMS = 50;

  @Test
  void eventLatency() throws Exception {
    List<String> items = new ArrayList<>();
    String checklist = newChecklist();
    for (int i = 0; i < ITEMS; i++) {
      items.add(addItem(checklist, "FGW", DAY.plusDays(60)));
    }
    publish(checklist);

    Map<String, Long> received = new ConcurrentHashMap<>();
    Map<String, Long> written = new ConcurrentHashMap<>();
    long clockOffsetMs = clock.millis() - System.currentTimeMillis();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean assigned = new AtomicBoolean(false);
    Thread consumerThread =
        new Thread(
            () -> {
              try (KafkaConsumer<String, String> consumer =
                  new KafkaConsumer<>(
                      Map.of(
                          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                          SuiteInfrastructure.get().kafkaBootstrapServers(),
                          ConsumerConfig.GROUP_ID_CONFIG,
                          "bench-" + UUID.randomUUID(),
                          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                          "latest",
                          ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                          10),
                      new StringDeserializer(),
                      new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.CHECKLIST));
                while (running.get()) {
                  var records = consumer.poll(Duration.ofMillis(20));
                  if (!consumer.assignment().isEmpty()) {
                    assigned.set(true);
                  }
                  long now = System.nanoTime();
                  for (ConsumerRecord<String, String> r : records) {
                    String value = r.value();
                    int at = value.indexOf("\"findingId\":\"");
                    if (at >= 0) {
                      String id = value.substring(at + 13, value.indexOf('"', at + 13));
                      received.putIfAbsent(id, now);
                      long ceTime =
                          java.time.Instant.parse(TopicProbeHeaders.text(r, "ce_time"))
                              .toEpochMilli();
                      written.putIfAbsent(
                          id, System.currentTimeMillis() - (ceTime - clockOffsetMs));
                    }
                  }
                }
              }
            },
            "bench-consumer");
    consumerThread.start();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(assigned::get);
    Thread.sleep(1_000);

    Map<String, Long> changed = new ConcurrentHashMap<>();
    Map<String, Long> requested = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    for (int i = 0; i < CHANGES; i++) {
      long before = System.nanoTime();
      Reply reply =
          post(
              "/api/items/" + items.get(i % ITEMS) + "/findings",
              INSPECTOR,
              Map.of(
                  "description",
                  "问题 " + i,
                  "severity",
                  "MINOR",
                  "rectifyBy",
                  DAY.plusDays(5).toString()));
      long after = System.nanoTime();
      assertThat(reply.status()).isEqualTo(201);
      changed.put(reply.text("id"), after);
      requested.put(reply.text("id"), before);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> received.keySet().containsAll(changed.keySet()));
    running.set(false);
    consumerThread.join();

    double[] fromEvent =
        written.values().stream().mapToDouble(Long::doubleValue).sorted().toArray();
    double[] fromWrite = latencies(changed, received);
    double[] fromRequest = latencies(requested, received);
    String report =
        String.format(
            "event latency over %d changes (finding raised on %d items, sequential requests)%n"
                + "  change (event recorded with its write, ce_time) -> record read from topic: p50 %.0f ms, p99 %.0f ms, max %.0f ms (ms resolution)%n"
                + "  HTTP 201 received -> record read from topic: p50 %.1f ms, p99 %.1f ms, max %.1f ms (negative: the record was there before the answer)%n"
                + "  request sent -> record read from topic:               p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                + "  throughput of the sequential driver: %.0f changes/s%n"
                + "  machine: %d cores (Runtime.availableProcessors), %s %s, Java %s%n",
            CHANGES,
            ITEMS,
            percentile(fromEvent, 50),
            percentile(fromEvent, 99),
            fromEvent[fromEvent.length - 1],
            percentile(fromWrite, 50),
            percentile(fromWrite, 99),
            fromWrite[fromWrite.length - 1],
            percentile(fromRequest, 50),
            percentile(fromRequest, 99),
            fromRequest[fromRequest.length - 1],
            CHANGES / seconds,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty("java.version"));
    System.out.println(report);
    write(report);
  }

  /** Header text of a record. */
  static final class TopicProbeHeaders {
    static String text(ConsumerRecord<String, String> record, String name) {
      return gov.supervision.testsupport.TopicProbe.header(record, name);
    }
  }

  private static double[] latencies(Map<String, Long> from, Map<String, Long> to) {
    double[] values =
        from.entrySet().stream()
            .mapToDouble(e -> (to.get(e.getKey()) - e.getValue()) / 1e6)
            .toArray();
    Arrays.sort(values);
    return values;
  }

  private static double percentile(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static void write(String report) throws IOException {
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("event-latency.txt"), report);
  }
}
