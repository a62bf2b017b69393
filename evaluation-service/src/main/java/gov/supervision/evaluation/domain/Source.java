package gov.supervision.evaluation.domain;

/** Where an evaluation record comes from. */
public enum Source {
  ANNUAL_ASSESSMENT("年度考核"),
  DAILY_SUPERVISION("日常监督"),
  INSPECTION_FINDING("巡察发现"),
  DEMOCRATIC_APPRAISAL("民主测评"),
  OTHER("其他");

  private final String label;

  Source(String label) {
    this.label = label;
  }

  /** The zh-CN label. */
  public String label() {
    return label;
  }
}
