package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.Topics;
import gov.supervision.localstack.ManagedProcess;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * One trace from the caller through the gateway into checklist-service, onto the topic with the
 * event, and into notification-service's listener: the trace id the caller sent is in the record's
 * {@code traceparent} and in the consumer's log line, beside the request id.
 */
class TracingIT {

  static final Suite suite = Suite.get();

  @Test
  void aChangeAndTheAlertsItRaisesShareTheCallersTrace() throws IOException {
    String traceId = randomHex(32);
    String requestId = "trace-" + UUID.randomUUID();
    String checklistId = suite.draftChecklist("链路追踪");
    String itemId =
        suite
            .post(
                "inspector",
                "/api/checklists/" + checklistId + "/items",
                Fixtures.item("FGW", "lead-fgw", LocalDate.now().plusDays(20), "追踪事项"))
            .id();

    HttpRequest publish =
        suite
            .authorized("inspector", "/api/checklists/" + checklistId + "/publish")
            .header("Content-Type", "application/json")
            .header("traceparent", "00-" + traceId + "-" + randomHex(16) + "-01")
            .header("X-Request-Id", requestId)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    Suite.Answer published = suite.send(publish);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    assertThat(published.header("X-Request-Id")).isEqualTo(requestId);

    ConsumerRecord<String, String> event = firstRecordFor(itemId);
    assertThat(Suite.header(event, CloudEventHeaders.REQUEST_ID)).isEqualTo(requestId);
    assertThat(Suite.header(event, CloudEventHeaders.TRACE_PARENT))
        .as("the service joined the caller's trace and the relay carried it")
        .matches("00-" + traceId + "-[0-9a-f]{16}-01");

    ManagedProcess notifications = process("notification-service");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Files.readAllLines(notifications.logFile(), StandardCharsets.UTF_8))
                    .as("notification-service's listener logs under the caller's trace")
                    .anyMatch(
                        line ->
                            line.contains("[" + requestId + " " + traceId + "]")
                                && line.contains("raised")));
  }

  private static ConsumerRecord<String, String> firstRecordFor(String key) {
    try (KafkaConsumer<String, String> consumer = suite.consumerFromEarliest()) {
      consumer.subscribe(List.of(Topics.CHECKLIST));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no event for " + key + " on " + Topics.CHECKLIST);
  }

  private static ManagedProcess process(String name) {
    return suite.stack.processes().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String randomHex(int length) {
    StringBuilder hex = new StringBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (hex.length() < length) {
      hex.append(Integer.toHexString(random.nextInt(16)));
    }
    return hex.toString();
  }
}
