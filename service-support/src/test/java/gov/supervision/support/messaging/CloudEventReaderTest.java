package gov.supervision.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.EventType;
import gov.supervision.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The request id an event carries reaches the consumers' log context only when it is sane. */
class CloudEventReaderTest {

  private final CloudEventReader reader = new CloudEventReader(JsonMapper.builder().build());

  @Test
  void aSaneRequestIdIsKept() {
    assertThat(read("req-42.a:b").requestId()).isEqualTo("req-42.a:b");
  }

  @Test
  void aRequestIdThatWouldForgeOrFloodLogLinesIsDropped() {
    assertThat(read("x\n2026-11-30 INFO forged line").requestId()).isNull();
    assertThat(read("a".repeat(100_000)).requestId()).isNull();
    assertThat(read("${jndi:ldap://x}").requestId()).isNull();
  }

  @Test
  void anEventClaimingAnotherSourceThanTheTopicsPublisherIsUnreadable() {
    assertThatThrownBy(() -> reader.read(record(Topics.CHECKLIST, "/notification-service", "r")))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("only /checklist-service publishes there");
    assertThatThrownBy(() -> reader.read(record(Topics.CHECKLIST, null, "r")))
        .isInstanceOf(UnreadableEventException.class);
  }

  @Test
  void anEventOfATypeThatBelongsOnAnotherTopicIsUnreadable() {
    assertThatThrownBy(() -> reader.read(record(Topics.EVALUATION, "/evaluation-service", "r")))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("does not belong on " + Topics.EVALUATION);
  }

  private IncomingEvent read(String requestId) {
    return reader.read(record(Topics.CHECKLIST, "/checklist-service", requestId)).orElseThrow();
  }

  private static ConsumerRecord<String, String> record(
      String topic, String source, String requestId) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(
            topic,
            0,
            0L,
            "c1",
            "{\"checklistId\":\"c1\",\"year\":2026,\"scope\":\"CITY\",\"title\":\"t\","
                + "\"itemIds\":[],\"publishedBy\":\"inspector\","
                + "\"publishedAt\":\"2026-11-30T00:00:00Z\"}");
    header(record, CloudEventHeaders.ID, "e1");
    header(record, CloudEventHeaders.TYPE, EventType.CHECKLIST_PUBLISHED.ceType());
    if (source != null) {
      header(record, CloudEventHeaders.SOURCE, source);
    }
    header(record, CloudEventHeaders.REQUEST_ID, requestId);
    return record;
  }

  private static void header(ConsumerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
