package gov.supervision.checklist.domain;

/** What a history entry of an item records. */
public enum HistoryKind {
  REGISTERED,
  REDRAFTED,
  PUBLISHED,
  REVISION,
  STAGE_CHANGED,
  PROGRESS,
  FINDING_RAISED,
  FINDING_RECTIFIED,
  FINDING_VERIFIED,
  FINDING_REJECTED
}
