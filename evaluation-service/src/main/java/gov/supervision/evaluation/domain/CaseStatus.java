package gov.supervision.evaluation.domain;

/** Where a review case stands: files are read only while it is open. */
public enum CaseStatus {
  OPEN("审查中"),
  CLOSED("已结束");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  /** The zh-CN label. */
  public String label() {
    return label;
  }
}
