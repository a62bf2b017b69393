package gov.supervision.checklist;

import static gov.supervision.testsupport.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.checklist.lights.LightScan;
import gov.supervision.contracts.Topics;
import gov.supervision.testsupport.TopicProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Unit early warning from red items, open major findings and vetoed cadres (evaluation events), and
 * the replay of the vetoes this service dead-lettered.
 */
class EarlyWarningIT extends ChecklistIT {

  @Autowired LightScan scan;

  @Test
  void aBrokenEvaluationRecordGoesToTheDeadLetterTopic() {
    try (TopicProbe dlt = TopicProbe.tail(Topics.EVALUATION + "-dlt")) {
      String key = "poison-" + UUID.randomUUID();
      TopicProbe.send(
          Topics.EVALUATION,
          key,
          "{not json",
          Map.of("ce_id", key, "ce_type", "gov.supervision.cadre.vetoed.v2"));
      var parked = dlt.await(r -> key.equals(r.key()));
      assertThat(parked.value()).isEqualTo("{not json");
    }
  }

  static final String VETOED =
      "{\"cadreId\":\"%s\",\"name\":\"张三\",\"unit\":\"%s\",\"purposes\":[\"PROMOTION\"],\"reasons\":[]}";
  static final String DEAD_LETTERS = "/api/dead-letters/checklist-service";

  @Test
  void theAdminReplaysTheVetoesThisServiceParkedAndNoneParkedByOtherServices() {
    String unit = freshUnit();
    String elsewhere = freshUnit();
    String ours = UUID.randomUUID().toString();
    String theirs = UUID.randomUUID().toString();
    parkVeto(ours, "dl-1", unit, "checklist-service");
    parkVeto(theirs, "dl-2", elsewhere, "notification-service");

    Reply pending = get(DEAD_LETTERS + "?limit=500", ADMIN);
    assertThat(pending.status()).isEqualTo(200);
    assertThat(pending.body().path("content").findValuesAsString("eventId"))
        .contains(ours)
        .doesNotContain(theirs);
    JsonNode letter = letter(pending, ours);
    assertThat(letter.path("topic").asString()).isEqualTo(Topics.EVALUATION + "-dlt");
    assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.EVALUATION);
    assertThat(letter.path("eventType").asString()).isEqualTo("gov.supervision.cadre.vetoed.v2");
    assertThat(letter.has("value")).as("no payload is shown").isFalse();
    assertThat(get(DEAD_LETTERS, INSPECTOR).status()).isEqualTo(403);
    assertThat(get(DEAD_LETTERS, null).status()).isEqualTo(401);
    assertThat(post(DEAD_LETTERS + "/replay", INSPECTOR, null).status()).isEqualTo(403);
    assertThat(appliedTo(unit, ours)).isFalse();

    try (TopicProbe original = TopicProbe.tail(Topics.EVALUATION)) {
      Reply replay = post(DEAD_LETTERS + "/replay", ADMIN, null);
      assertThat(replay.status()).isEqualTo(200);
      assertThat(replay.body().path("replayed").asLong()).isPositive();
      assertThat(replay.body().path("byTopic").path(Topics.EVALUATION + "-dlt").asLong())
          .isPositive();
      // handed to the listener itself: done when the replay answers
      assertThat(appliedTo(unit, ours)).isTrue();
      assertThat(
              get("/api/units/" + unit + "/early-warning", INSPECTOR)
                  .body()
                  .path("indicators")
                  .path("vetoedCadres")
                  .asInt())
          .isEqualTo(1);
      assertThat(appliedTo(elsewhere, theirs))
          .as("notification-service's dead letter is not this service's to replay")
          .isFalse();
      assertThat(
              get("/api/units/" + elsewhere + "/early-warning", INSPECTOR)
                  .body()
                  .path("indicators")
                  .path("vetoedCadres")
                  .asInt())
          .isZero();
      assertThat(original.poll())
          .as("nothing written onto evaluation-service's topic (its principal may not)")
          .isEmpty();
    }
    assertThat(
            get(DEAD_LETTERS + "?limit=500", ADMIN)
                .body()
                .path("content")
                .findValuesAsString("eventId"))
        .as("replayed once: no longer awaiting replay")
        .doesNotContain(ours, theirs);
  }

  /** A CadreVetoed as the error handler of {@code group} parks it. */
  private void parkVeto(String ceId, String cadre, String unit, String group) {
    TopicProbe.park(
        Topics.EVALUATION,
        cadre,
        VETOED.formatted(cadre, unit),
        TopicProbe.cloudEvent(
            ceId, "gov.supervision.cadre.vetoed.v2", "/evaluation-service", cadre),
        group);
  }

  private static JsonNode letter(Reply pending, String eventId) {
    for (JsonNode candidate : pending.body().path("content")) {
      if (eventId.equals(candidate.path("eventId").asString())) {
        return candidate;
      }
    }
    throw new AssertionError("no dead letter " + eventId + " in " + pending.body());
  }

  static void sendEvaluation(String ceId, String ceType, String cadre, String unit, String body) {
    TopicProbe.send(
        Topics.EVALUATION,
        cadre,
        body,
        Map.of(
            "ce_id",
            ceId,
            "ce_type",
            ceType,
            "ce_source",
            "/evaluation-service",
            "ce_specversion",
            "1.0",
            "ce_subject",
            cadre,
            "content-type",
            "application/json"));
  }

  @Test
  void levelsRiseOnceAndFollowVetoes() {
    String unit = freshUnit();
    String warning = "/api/units/" + unit + "/early-warning";
    assertThat(get(warning, INSPECTOR).text("level")).isEqualTo("NONE");

    try (TopicProbe probe = TopicProbe.tail(Topics.CHECKLIST)) {
      // one red item: WATCH, raised once
      publishedItem(unit, DAY.minusDays(2));
      var watch =
          probe.await(
              ofType("gov.supervision.unit.early-warning-raised.v1")
                  .and(r -> unit.equals(r.key())));
      assertThat(json.readTree(watch.value()).path("level").asString()).isEqualTo("WATCH");
      assertThat(json.readTree(watch.value()).path("previousLevel").asString()).isEqualTo("NONE");
      var current = get(warning, ADMIN).body();
      assertThat(current.path("level").asString()).isEqualTo("WATCH");
      assertThat(current.path("indicators").path("redItems").asInt()).isEqualTo(1);
      scan.scan();

      // two vetoed cadres (CadreVetoed, one delivered twice): WARNING
      String first = UUID.randomUUID().toString();
      sendEvaluation(
          first, "gov.supervision.cadre.vetoed.v2", "c1", unit, VETOED.formatted("c1", unit));
      sendEvaluation(
          first, "gov.supervision.cadre.vetoed.v2", "c1", unit, VETOED.formatted("c1", unit));
      String second = UUID.randomUUID().toString();
      sendEvaluation(
          second, "gov.supervision.cadre.vetoed.v2", "c2", unit, VETOED.formatted("c2", unit));
      var raised =
          probe.await(
              ofType("gov.supervision.unit.early-warning-raised.v1")
                  .and(r -> unit.equals(r.key()) && r.value().contains("\"WARNING\"")));
      assertThat(json.readTree(raised.value()).path("vetoedCadres").asInt()).isEqualTo(2);
      assertThat(get(warning, INSPECTOR).body().path("indicators").path("vetoedCadres").asInt())
          .isEqualTo(2);

      // a lapse lowers the level silently
      sendEvaluation(
          UUID.randomUUID().toString(),
          "gov.supervision.cadre.veto-lapsed.v2",
          "c2",
          unit,
          "{\"cadreId\":\"c2\",\"name\":\"李四\",\"unit\":\"%s\",\"purposes\":[\"PROMOTION\"]}"
              .formatted(unit));
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> get(warning, INSPECTOR).text("level").equals("WATCH"));
      // a redelivery of the old CadreVetoed (same ce_id) after the lapse changes nothing
      sendEvaluation(
          second, "gov.supervision.cadre.vetoed.v2", "c2", unit, VETOED.formatted("c2", unit));
      String marker = UUID.randomUUID().toString();
      String other = freshUnit();
      sendEvaluation(
          marker, "gov.supervision.cadre.vetoed.v2", "c3", other, VETOED.formatted("c3", other));
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> appliedTo(other, marker));
      assertThat(get(warning, INSPECTOR).body().path("indicators").path("vetoedCadres").asInt())
          .isEqualTo(1);
      scan.scan();
      scan.scan();
      long raisedCount =
          probe.poll().stream()
              .filter(ofType("gov.supervision.unit.early-warning-raised.v1"))
              .filter(r -> unit.equals(r.key()))
              .count();
      assertThat(raisedCount).isEqualTo(2);
    }
  }

  @Test
  void openMajorFindingsCount() {
    String unit = freshUnit();
    String item = publishedItem(unit, DAY.plusDays(40));
    for (int i = 0; i < 2; i++) {
      post(
          "/api/items/" + item + "/findings",
          INSPECTOR,
          Map.of(
              "description",
              "d" + i,
              "severity",
              i == 0 ? "MAJOR" : "SEVERE",
              "rectifyBy",
              DAY.toString()));
    }
    post(
        "/api/items/" + item + "/findings",
        INSPECTOR,
        Map.of("description", "m", "severity", "MINOR", "rectifyBy", DAY.toString()));
    var current = get("/api/units/" + unit + "/early-warning", INSPECTOR).body();
    assertThat(current.path("indicators").path("openMajorFindings").asInt()).isEqualTo(2);
    assertThat(current.path("level").asString()).isEqualTo("WARNING");
  }
}
