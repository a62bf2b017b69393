package gov.supervision.evaluation.domain;

import static gov.supervision.evaluation.domain.Conclusion.GOOD;
import static gov.supervision.evaluation.domain.Conclusion.UNQUALIFIED;
import static gov.supervision.evaluation.domain.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.evaluation.VetoReason;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VetoRuleTest {

  /** 2026-06-15 in Shanghai; promotion window 24 months, award window 12 months. */
  static final Clock TODAY =
      Clock.fixed(Instant.parse("2026-06-14T20:00:00Z"), ZoneId.of("Asia/Shanghai"));

  static final VetoRule RULE =
      new VetoRule(new VetoWindows(Period.ofMonths(24), Period.ofMonths(12)), TODAY);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("empty file", List.of(), Purpose.PROMOTION, List.of()),
        Arguments.of(
            "only good records",
            List.of(record("r1", "2026-01-01", GOOD)),
            Purpose.PROMOTION,
            List.of()),
        Arguments.of(
            "unqualified a day inside the promotion window",
            List.of(record("r1", "2024-06-16", UNQUALIFIED)),
            Purpose.PROMOTION,
            List.of("r1")),
        Arguments.of(
            "unqualified exactly on the edge counts",
            List.of(record("r1", "2024-06-15", UNQUALIFIED)),
            Purpose.PROMOTION,
            List.of("r1")),
        Arguments.of(
            "unqualified a day outside the promotion window",
            List.of(record("r1", "2024-06-14", UNQUALIFIED)),
            Purpose.PROMOTION,
            List.of()),
        Arguments.of(
            "award window is shorter: 18 months ago vetoes promotion",
            List.of(record("r1", "2024-12-15", UNQUALIFIED)),
            Purpose.PROMOTION,
            List.of("r1")),
        Arguments.of(
            "award window is shorter: 18 months ago no longer vetoes awards",
            List.of(record("r1", "2024-12-15", UNQUALIFIED)),
            Purpose.AWARD,
            List.of()),
        Arguments.of(
            "award edge: exactly 12 months",
            List.of(record("r1", "2025-06-15", UNQUALIFIED)),
            Purpose.AWARD,
            List.of("r1")),
        Arguments.of(
            "award a day outside",
            List.of(record("r1", "2025-06-14", UNQUALIFIED)),
            Purpose.AWARD,
            List.of()),
        Arguments.of(
            "superseded unqualified no longer counts",
            List.of(
                record("r1", "2026-01-01", UNQUALIFIED), record("r2", "2026-02-01", GOOD, "r1", 4)),
            Purpose.PROMOTION,
            List.of()),
        Arguments.of(
            "a correction to unqualified counts",
            List.of(
                record("r1", "2026-01-01", GOOD), record("r2", "2026-02-01", UNQUALIFIED, "r1", 1)),
            Purpose.AWARD,
            List.of("r2")),
        Arguments.of(
            "several records: reasons newest first, outside ones left out",
            List.of(
                record("r1", "2023-01-01", UNQUALIFIED),
                record("r2", "2025-01-01", UNQUALIFIED),
                record("r3", "2026-03-01", GOOD),
                record("r4", "2026-05-01", UNQUALIFIED)),
            Purpose.PROMOTION,
            List.of("r4", "r2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, List<EvaluationRecord> records, Purpose purpose, List<String> causes) {
    VetoDecision decision = RULE.decide(records, purpose);

    assertThat(decision.purpose()).isEqualTo(purpose);
    assertThat(decision.vetoed()).isEqualTo(!causes.isEmpty());
    assertThat(decision.reasons())
        .extracting(VetoReason::recordId)
        .containsExactlyElementsOf(causes);
    decision
        .reasons()
        .forEach(
            reason -> {
              assertThat(reason.conclusion()).isEqualTo("UNQUALIFIED");
              assertThat(reason.evaluator()).isEqualTo("evaluator");
              assertThat(reason.date()).isNotNull();
            });
  }
}
