package gov.supervision.notification.domain;

/** The kind of an alert, as shown in the inbox ({@code type}). */
public enum NotificationType {
  ITEM_PUBLISHED,
  ITEM_ASSIGNED(true),
  ITEM_STAGE_CHANGED,
  ITEM_DUE_SOON,
  ITEM_OVERDUE,
  ITEM_CLOSED,
  ITEM_ESCALATED,
  FINDING_RAISED(true),
  FINDING_RECTIFIED,
  FINDING_VERIFIED,
  REPORT_DUE,
  UNIT_EARLY_WARNING,
  CADRE_VETOED,
  VETO_LAPSED,
  UNUSUAL_READING,
  CHECKLIST_PUBLISHED,
  EVALUATION_RECORDED,
  RECEIPT_REMINDER;

  private final boolean receipt;

  NotificationType() {
    this(false);
  }

  NotificationType(boolean receipt) {
    this.receipt = receipt;
  }

  /** Whether a person who receives this must acknowledge it (签收). */
  public boolean needsReceipt() {
    return receipt;
  }
}
