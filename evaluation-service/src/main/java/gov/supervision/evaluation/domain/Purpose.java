package gov.supervision.evaluation.domain;

/** What a veto bars: promotion (选拔任用) or awards (评先评优). */
public enum Purpose {
  PROMOTION("选拔任用"),
  AWARD("评先评优");

  private final String label;

  Purpose(String label) {
    this.label = label;
  }

  /** The zh-CN label. */
  public String label() {
    return label;
  }
}
