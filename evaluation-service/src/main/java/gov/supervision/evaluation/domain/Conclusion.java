package gov.supervision.evaluation.domain;

/** The conclusion of an evaluation record; {@code UNQUALIFIED} triggers the one-vote veto. */
public enum Conclusion {
  EXCELLENT("优秀"),
  GOOD("良好"),
  QUALIFIED("合格"),
  BASICALLY_QUALIFIED("基本合格"),
  UNQUALIFIED("不合格");

  private final String label;

  Conclusion(String label) {
    this.label = label;
  }

  /** The zh-CN label. */
  public String label() {
    return label;
  }
}
