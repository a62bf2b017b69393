package gov.supervision.checklist.domain;

/** Where a finding is in its rectification (整改). */
public enum FindingStatus {
  OPEN,
  RECTIFYING,
  RECTIFIED,
  VERIFIED
}
