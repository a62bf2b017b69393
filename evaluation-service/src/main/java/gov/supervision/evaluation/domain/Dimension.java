package gov.supervision.evaluation.domain;

/** The six dimensions a cadre's political quality is scored on. */
public enum Dimension {
  POLITICAL_JUDGMENT("政治判断力"),
  POLITICAL_COMPREHENSION("政治领悟力"),
  POLITICAL_EXECUTION("政治执行力"),
  POLITICAL_STANCE("政治立场"),
  POLITICAL_ATTITUDE("政治态度"),
  POLITICAL_RESPONSIBILITY("政治担当");

  private final String label;

  Dimension(String label) {
    this.label = label;
  }

  /** The zh-CN label. */
  public String label() {
    return label;
  }
}
