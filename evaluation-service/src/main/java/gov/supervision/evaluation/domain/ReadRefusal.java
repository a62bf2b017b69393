package gov.supervision.evaluation.domain;

/** Why a review case does not allow a read of a file (each one answered 403). */
public enum ReadRefusal {
  CASE_CLOSED("case-closed", "审查已结束，不能再查阅档案 the review case is closed"),
  WRONG_KIND(
      "case-kind-mismatch", "审查类别与所查资格不符 the case is not of the kind this eligibility needs"),
  NOT_A_CANDIDATE("not-a-candidate", "该干部不在本案候选名单中 the cadre is not a candidate in this case");

  private final String slug;
  private final String message;

  ReadRefusal(String slug, String message) {
    this.slug = slug;
    this.message = message;
  }

  /** The problem type slug. */
  public String slug() {
    return slug;
  }

  /** The zh-CN and English explanation. */
  public String message() {
    return message;
  }
}
