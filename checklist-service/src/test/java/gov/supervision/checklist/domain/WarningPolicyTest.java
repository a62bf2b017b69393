package gov.supervision.checklist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarningPolicyTest {

  static final WarningPolicy POLICY =
      new WarningPolicy(
          new WarningThresholds(1, 1, 1),
          new WarningThresholds(3, 2, 2),
          new WarningThresholds(5, 4, 3));

  @ParameterizedTest(name = "red={0} findings={1} vetoed={2} -> {3}")
  @CsvSource({
    "0, 0, 0, NONE",
    "1, 0, 0, WATCH",
    "0, 1, 0, WATCH",
    "0, 0, 1, WATCH",
    "2, 1, 1, WATCH",
    "3, 0, 0, WARNING",
    "0, 2, 0, WARNING",
    "0, 0, 2, WARNING",
    "4, 3, 2, WARNING",
    "5, 0, 0, SEVERE",
    "0, 4, 0, SEVERE",
    "0, 0, 3, SEVERE"
  })
  void levels(int red, int findings, int vetoed, WarningLevel level) {
    assertThat(POLICY.levelOf(new WarningIndicators(red, findings, vetoed))).isEqualTo(level);
  }
}
