package gov.supervision.evaluation.accesslog;

/** Why a person's reading was unusual. */
public enum ReadingReason {
  READ_VOLUME("查阅次数异常"),
  REFUSED_READS("被拒查阅过多");

  private final String label;

  ReadingReason(String label) {
    this.label = label;
  }

  /** The zh-CN label. */
  public String label() {
    return label;
  }
}
