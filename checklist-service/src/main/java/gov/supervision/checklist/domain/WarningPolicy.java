package gov.supervision.checklist.domain;

/** The thresholds of the three levels above NONE; the highest level reached wins. */
public record WarningPolicy(
    WarningThresholds watch, WarningThresholds warning, WarningThresholds severe) {

  /** The level the indicators reach. */
  public WarningLevel levelOf(WarningIndicators indicators) {
    if (severe.reachedBy(indicators)) {
      return WarningLevel.SEVERE;
    }
    if (warning.reachedBy(indicators)) {
      return WarningLevel.WARNING;
    }
    if (watch.reachedBy(indicators)) {
      return WarningLevel.WATCH;
    }
    return WarningLevel.NONE;
  }
}
