package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.Topics;
import gov.supervision.testsupport.TopicProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Only evaluation-service publishes on {@code evaluation.cadre.v1}: a CadreVetoed on it that claims
 * another source (or none) is dead-lettered and marks no cadre of the unit vetoed, while a genuine
 * one behind it on the same partition still counts. Without the check, anyone who could write the
 * topic could raise any unit's early warning.
 */
class ForgedSourceIT extends ChecklistIT {

  private static final String VETOED = "gov.supervision.cadre.vetoed.v2";

  @Test
  void aVetoClaimingAnotherSourceIsDeadLetteredAndMarksNobody() {
    String unit = freshUnit();
    String genuineUnit = freshUnit();
    String cadre = "forged-" + UUID.randomUUID();
    String claimingChecklist = UUID.randomUUID().toString();
    String claimingNone = UUID.randomUUID().toString();
    String genuine = UUID.randomUUID().toString();
    try (TopicProbe dlt = TopicProbe.tail(Topics.EVALUATION + "-dlt")) {
      sendVeto(claimingChecklist, cadre, unit, "/checklist-service");
      sendVeto(claimingNone, cadre, unit, null);
      // a genuine veto behind them, same key (same partition), so read after both
      sendVeto(genuine, cadre, genuineUnit, "/evaluation-service");

      assertThat(dlt.await(r -> claimingChecklist.equals(ceId(r)))).isNotNull();
      assertThat(dlt.await(r -> claimingNone.equals(ceId(r)))).isNotNull();
    }
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> appliedTo(genuineUnit, genuine));

    assertThat(vetoedCadres(genuineUnit)).as("the genuine veto counts").isEqualTo(1);
    assertThat(vetoedCadres(unit)).as("the forged ones mark nobody").isZero();
    assertThat(get("/api/units/" + unit + "/early-warning", INSPECTOR).text("level"))
        .isEqualTo("NONE");
    assertThat(appliedTo(unit, claimingChecklist)).isFalse();
    assertThat(appliedTo(unit, claimingNone)).isFalse();
  }

  private static String ceId(ConsumerRecord<String, String> r) {
    return TopicProbe.header(r, CloudEventHeaders.ID);
  }

  /** A well-formed CadreVetoed for {@code unit}; {@code source} null sends no ce_source. */
  private static void sendVeto(String ceId, String cadre, String unit, String source) {
    Map<String, String> headers = TopicProbe.cloudEvent(ceId, VETOED, source, cadre);
    if (source == null) {
      headers.remove(CloudEventHeaders.SOURCE);
    }
    TopicProbe.send(
        Topics.EVALUATION,
        cadre,
        "{\"cadreId\":\"%s\",\"name\":\"张三\",\"unit\":\"%s\",\"purposes\":[\"PROMOTION\"],\"reasons\":[]}"
            .formatted(cadre, unit),
        headers);
  }
}
