package gov.supervision.checklist.domain;

/** How serious a finding is. */
public enum Severity {
  MINOR,
  MAJOR,
  SEVERE;

  /** Whether it counts towards a unit's early warning. */
  public boolean isMajorOrWorse() {
    return this != MINOR;
  }
}
