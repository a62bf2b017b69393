package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.Topics;
import gov.supervision.support.outbox.OutboxRelay;
import gov.supervision.testsupport.TestTokens;
import gov.supervision.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Unusual reading is raised, not only logged: past the configured number of reads (30) or of
 * refused reads (5) in an hour, one person gets one alert per window, as an event on the service's
 * topic and in the auditors' alert list.
 */
class ReadingAlertIT extends EvaluationIT {

  static final String TYPE = "gov.supervision.file-access.unusual-reading.v1";

  @Autowired OutboxRelay relay;

  /** Keeps the test's reads inside one clock hour (the counting window). */
  @BeforeEach
  void awayFromTheEndOfAnHour() {
    Instant now = injectedClock.instant();
    long intoHour = now.getEpochSecond() % 3600;
    if (intoHour > 3600 - 120) {
      clock.advance(Duration.ofSeconds(3600 - intoHour + 5));
    }
  }

  @Test
  void moreThanThirtyReadsInAnHourRaiseOneAlert() {
    String reader = newId("hr-many");
    String token = TestTokens.token(reader, null, "HR");
    String cadre = registerCadre("read-often");
    String path = "/api/cadres/" + cadre + "/dossier" + openCase("PROMOTION", cadre).query();
    try (TopicProbe probe = TopicProbe.tail(Topics.EVALUATION)) {
      for (int i = 0; i < 30; i++) {
        assertThat(get(path, token).getStatusCode().value()).isEqualTo(200);
      }
      relay.relayPending();
      assertThat(alertsOf(probe, reader)).as("30 reads are allowed").isEmpty();

      for (int i = 0; i < 5; i++) {
        assertThat(get(path, token).getStatusCode().value()).isEqualTo(200);
      }
      ConsumerRecord<String, String> alert =
          probe.await(r -> TYPE.equals(TopicProbe.header(r, "ce_type")) && reader.equals(r.key()));
      JsonNode data = json.readTree(alert.value());
      assertThat(data.get("reader").asString()).isEqualTo(reader);
      assertThat(data.get("reason").asString()).isEqualTo("READ_VOLUME");
      assertThat(data.get("count").asInt()).isEqualTo(31);
      assertThat(data.get("threshold").asInt()).isEqualTo(30);
      assertThat(TopicProbe.header(alert, "ce_source")).isEqualTo("/evaluation-service");

      relay.relayPending();
      assertThat(alertsOf(probe, reader)).as("once per person and window").hasSize(1);
    }
    JsonNode listed = body(get("/api/access-log/alerts?reader=" + reader, TestTokens.auditor()));
    assertThat(listed.get("totalElements").asLong()).isEqualTo(1);
    assertThat(listed.get("content").get(0).get("reasonLabel").asString()).isEqualTo("查阅次数异常");
  }

  @Test
  void refusedReadsPilingUpRaiseAnAlertToo() {
    String reader = newId("hr-probing");
    String token = TestTokens.token(reader, null, "HR");
    String cadre = registerCadre("probed");
    try (TopicProbe probe = TopicProbe.tail(Topics.EVALUATION)) {
      for (int i = 0; i < 7; i++) {
        assertThat(
                get("/api/cadres/" + cadre + "/dossier?purpose=aaa", token).getStatusCode().value())
            .isEqualTo(400);
      }
      ConsumerRecord<String, String> alert =
          probe.await(r -> TYPE.equals(TopicProbe.header(r, "ce_type")) && reader.equals(r.key()));
      JsonNode data = json.readTree(alert.value());
      assertThat(data.get("reason").asString()).isEqualTo("REFUSED_READS");
      assertThat(data.get("count").asInt()).isEqualTo(6);
      assertThat(data.get("threshold").asInt()).isEqualTo(5);
      relay.relayPending();
      assertThat(alertsOf(probe, reader)).hasSize(1);
    }
    assertThat(get("/api/access-log/alerts", TestTokens.hr()).getStatusCode().value())
        .isEqualTo(403);
  }

  List<ConsumerRecord<String, String>> alertsOf(TopicProbe probe, String reader) {
    return probe.poll().stream()
        .filter(r -> TYPE.equals(TopicProbe.header(r, "ce_type")) && reader.equals(r.key()))
        .toList();
  }
}
