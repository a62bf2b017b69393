package gov.supervision.evaluation.domain;

import static gov.supervision.evaluation.domain.Conclusion.GOOD;
import static gov.supervision.evaluation.domain.Conclusion.UNQUALIFIED;
import static gov.supervision.evaluation.domain.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.contracts.Refusal;
import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.contracts.evaluation.EvaluationEvent;
import gov.supervision.contracts.evaluation.EvaluationRecorded;
import gov.supervision.contracts.evaluation.VetoLapsed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CadreTest {

  static VetoRule ruleOn(String instant) {
    return new VetoRule(
        VetoWindows.standard(), Clock.fixed(Instant.parse(instant), ZoneId.of("Asia/Shanghai")));
  }

  final VetoRule rule = ruleOn("2026-06-15T04:00:00Z");

  @Test
  void registrationChecksFields() {
    assertThatThrownBy(() -> Cadre.register("c1", "张三", "fgw", "科长"))
        .isInstanceOfSatisfying(Refusal.class, v -> assertThat(v.field()).isEqualTo("unit"));
    assertThatThrownBy(() -> Cadre.register("{\"$gt\":\"\"}", "张三", "FGW", "科长"))
        .isInstanceOfSatisfying(Refusal.class, v -> assertThat(v.field()).isEqualTo("id"));
    assertThatThrownBy(() -> Cadre.register("c1", " ", "FGW", "科长"))
        .isInstanceOfSatisfying(Refusal.class, v -> assertThat(v.field()).isEqualTo("name"));
    assertThat(Cadre.register("c1", "张三", "FGW", "科长").status()).isEqualTo(CadreStatus.ACTIVE);
  }

  @Test
  void vetoIsAnnouncedOnceAndLapsesOnceWhenSuperseded() {
    Cadre cadre = Cadre.register("c1", "张三", "FGW", "科长");

    List<EvaluationEvent> first = cadre.record(record("r1", "2026-01-10", UNQUALIFIED), rule);
    assertThat(first).hasSize(2);
    assertThat(first.get(0)).isInstanceOf(EvaluationRecorded.class);
    assertThat(first.get(1))
        .isInstanceOfSatisfying(
            CadreVetoed.class,
            vetoed -> {
              assertThat(vetoed.purposes()).containsExactly("PROMOTION", "AWARD");
              assertThat(vetoed.reasons()).extracting(r -> r.recordId()).containsExactly("r1");
            });

    List<EvaluationEvent> second = cadre.record(record("r2", "2026-02-10", UNQUALIFIED), rule);
    assertThat(second).singleElement().isInstanceOf(EvaluationRecorded.class);

    cadre.record(record("r3", "2026-03-01", GOOD, "r1", 4), rule);
    List<EvaluationEvent> lapse = cadre.record(record("r4", "2026-03-02", GOOD, "r2", 4), rule);
    assertThat(lapse).hasSize(2);
    assertThat(lapse.get(1))
        .isInstanceOfSatisfying(
            VetoLapsed.class,
            lapsed -> assertThat(lapsed.purposes()).containsExactly("PROMOTION", "AWARD"));
    assertThat(cadre.vetoed()).isEmpty();
    assertThat(cadre.isSuperseded("r1")).isTrue();
    assertThat(cadre.supersededBy("r2")).contains("r4");
  }

  @Test
  void vetoLapsesWhenTimePasses() {
    Cadre cadre = Cadre.register("c1", "张三", "FGW", "科长");
    cadre.record(record("r1", "2024-06-20", UNQUALIFIED), rule);
    assertThat(cadre.vetoed()).containsExactlyInAnyOrder(Purpose.PROMOTION, Purpose.AWARD);

    assertThat(cadre.reassessVeto(ruleOn("2026-06-20T04:00:00Z"))).isEmpty();
    List<EvaluationEvent> lapse = cadre.reassessVeto(ruleOn("2026-06-21T04:00:00Z"));
    assertThat(lapse)
        .singleElement()
        .isInstanceOfSatisfying(
            VetoLapsed.class,
            lapsed -> assertThat(lapsed.purposes()).containsExactly("PROMOTION", "AWARD"));
    assertThat(cadre.reassessVeto(ruleOn("2026-06-22T04:00:00Z"))).isEmpty();
  }

  @Test
  void supersedingIsCheckedAgainstTheFile() {
    Cadre cadre = Cadre.register("c1", "张三", "FGW", "科长");
    cadre.record(record("r1", "2026-01-10", GOOD), rule);
    cadre.record(record("r2", "2026-01-11", GOOD, "r1", 4), rule);

    assertThatThrownBy(() -> cadre.record(record("r3", "2026-01-12", GOOD, "other", 4), rule))
        .isInstanceOfSatisfying(
            Refusal.class, v -> assertThat(v.code()).isEqualTo("record-not-in-file"));
    assertThatThrownBy(() -> cadre.record(record("r3", "2026-01-12", GOOD, "r1", 4), rule))
        .isInstanceOfSatisfying(
            Refusal.class, v -> assertThat(v.code()).isEqualTo("already-superseded"));
    assertThatThrownBy(
            () ->
                new EvaluationRecord(
                    "r9",
                    LocalDate.parse("2026-01-01"),
                    Source.OTHER,
                    "e",
                    Records.scores(3),
                    GOOD,
                    null,
                    null,
                    "r2",
                    " ",
                    Instant.EPOCH))
        .isInstanceOfSatisfying(
            Refusal.class, v -> assertThat(v.field()).isEqualTo("correctionReason"));
  }

  @Test
  void scoresMustCoverSixDimensionsFromOneToFive() {
    var scores = Records.scores(3);
    scores.put(Dimension.POLITICAL_STANCE, 6);
    assertThatThrownBy(
            () ->
                new EvaluationRecord(
                    "r9",
                    LocalDate.parse("2026-01-01"),
                    Source.OTHER,
                    "e",
                    scores,
                    GOOD,
                    null,
                    null,
                    null,
                    null,
                    Instant.EPOCH))
        .isInstanceOfSatisfying(
            Refusal.class, v -> assertThat(v.field()).isEqualTo("dimensions.POLITICAL_STANCE"));
  }

  @Test
  void findingEventsApplyOnce() {
    Cadre cadre = Cadre.register("c1", "张三", "FGW", "科长");
    LinkedFinding raised =
        new LinkedFinding("f1", "i1", "cl1", "FGW", "问题", "MAJOR", "OPEN", null, Instant.EPOCH);
    assertThat(cadre.linkFinding("e1", raised)).isTrue();
    assertThat(cadre.linkFinding("e1", raised)).isFalse();
    assertThat(cadre.updateFinding("e2", raised.withStatus("RECTIFIED", Instant.EPOCH))).isTrue();
    assertThat(cadre.updateFinding("e2", raised.withStatus("RECTIFIED", Instant.EPOCH))).isFalse();
    assertThat(cadre.findings())
        .singleElement()
        .extracting(LinkedFinding::status)
        .isEqualTo("RECTIFIED");
  }

  @Test
  void aRaiseAppliedAfterItsStatusChangeFillsInTheDetailsAndKeepsTheStatus() {
    Cadre cadre = Cadre.register("c1", "张三", "FGW", "科长");
    Instant later = Instant.parse("2026-03-01T00:00:00Z");
    LinkedFinding rectified =
        new LinkedFinding("f1", "i1", "cl1", "FGW", null, null, "RECTIFIED", null, later);
    LinkedFinding raised =
        new LinkedFinding(
            "f1",
            "i1",
            "cl1",
            "FGW",
            "政治站位不高",
            "MAJOR",
            "OPEN",
            LocalDate.parse("2026-04-01"),
            Instant.EPOCH);

    assertThat(cadre.updateFinding("e2", rectified)).isTrue();
    assertThat(cadre.linkFinding("e1", raised)).isTrue();

    assertThat(cadre.findings()).containsExactly(raised.withStatus("RECTIFIED", later));
  }

  @Test
  void dimensionSummaryUsesEffectiveRecords() {
    List<EvaluationRecord> records =
        List.of(
            record("r1", "2026-01-01", GOOD, null, 2),
            record("r2", "2026-02-01", GOOD, null, 5),
            record("r3", "2026-03-01", GOOD, "r2", 3),
            record("r4", "2026-04-01", GOOD, null, 4));
    DimensionSummary summary = DimensionSummary.of(records, 5);
    assertThat(summary.recordsConsidered()).isEqualTo(3);
    assertThat(summary.latest()).containsEntry(Dimension.POLITICAL_JUDGMENT, 4);
    assertThat(summary.trend().get(Dimension.POLITICAL_STANCE).scores()).containsExactly(2, 3, 4);
    assertThat(summary.trend().get(Dimension.POLITICAL_STANCE).direction())
        .isEqualTo(DimensionSummary.Direction.UP);
    assertThat(DimensionSummary.of(records, 2).trend().get(Dimension.POLITICAL_STANCE).scores())
        .containsExactly(3, 4);
    assertThat(DimensionSummary.of(List.of(), 5).latest()).isEmpty();
  }
}
