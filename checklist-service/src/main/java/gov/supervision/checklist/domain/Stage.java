package gov.supervision.checklist.domain;

/** The closed-loop stage of a checklist item (闭环管理流程), in order. */
public enum Stage {
  LEDGER_REGISTERED,
  ASSIGNED,
  MEETING_REVIEWED,
  INSPECTING,
  ON_SITE_VERIFIED,
  REPORTED,
  CLOSED;

  /** Whether {@code to} is the very next stage. */
  public boolean isNext(Stage to) {
    return to.ordinal() == ordinal() + 1;
  }

  /** Whether {@code to} is an earlier stage. */
  public boolean isBack(Stage to) {
    return to.ordinal() < ordinal();
  }
}
