package gov.supervision.checklist.domain;

/** A unit's early-warning level (政治生态预警), from low to high. */
public enum WarningLevel {
  NONE,
  WATCH,
  WARNING,
  SEVERE;

  /** Whether this level is higher than {@code other}. */
  public boolean isAbove(WarningLevel other) {
    return ordinal() > other.ordinal();
  }
}
