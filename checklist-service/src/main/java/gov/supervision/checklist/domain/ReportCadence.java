package gov.supervision.checklist.domain;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How often an item reports (定期报告). */
public enum ReportCadence {
  MONTHLY,
  QUARTERLY;

  /** The last day of the reporting period that contains {@code day}. */
  public LocalDate periodEnd(LocalDate day) {
    if (this == MONTHLY) {
      return day.with(TemporalAdjusters.lastDayOfMonth());
    }
    int lastMonthOfQuarter = ((day.getMonthValue() - 1) / 3) * 3 + 3;
    return day.withDayOfMonth(1)
        .withMonth(lastMonthOfQuarter)
        .with(TemporalAdjusters.lastDayOfMonth());
  }
}
