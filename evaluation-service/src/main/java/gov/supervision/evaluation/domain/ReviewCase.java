package gov.supervision.evaluation.domain;

import gov.supervision.contracts.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A review case (选任审查): a promotion review or an award selection that HR opens with a case number,
 * a kind and its candidates. A candidate's file may be read only within an open case that lists the
 * cadre, and an eligibility answer only for the case's own kind; the case number is the purpose
 * written to the access log.
 */
public final class ReviewCase {

  /**
   * Case numbers as offices write them: letters (Chinese included), digits, spaces and {@code - _ .
   * / ( ) （ ） 〔 〕 号}, 3-64 characters, starting with a letter or digit; no markup or operator
   * characters.
   */
  public static final Pattern CASE_NO =
      Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} _./()（）〔〕\\-]{2,63}$");

  /** At most this many candidates per case. */
  public static final int MAX_CANDIDATES = 200;

  private final String id;
  private final String caseNo;
  private final Purpose kind;
  private final String title;
  private final List<String> candidates;
  private final CaseStatus status;
  private final String openedBy;
  private final Instant openedAt;
  private final String closedBy;
  private final Instant closedAt;

  public ReviewCase(
      String id,
      String caseNo,
      Purpose kind,
      String title,
      List<String> candidates,
      CaseStatus status,
      String openedBy,
      Instant openedAt,
      String closedBy,
      Instant closedAt) {
    this.id = id;
    this.caseNo = caseNo;
    this.kind = kind;
    this.title = title;
    this.candidates = List.copyOf(candidates == null ? List.of() : candidates);
    this.status = status;
    this.openedBy = openedBy;
    this.openedAt = openedAt;
    this.closedBy = closedBy;
    this.closedAt = closedAt;
  }

  /**
   * A newly opened case; checks every field. Candidates are cadre ids, each listed once (whether
   * each is registered is the caller's check).
   */
  public static ReviewCase open(
      String id,
      String caseNo,
      Purpose kind,
      String title,
      List<String> candidates,
      String openedBy,
      Instant openedAt) {
    if (caseNo == null || !CASE_NO.matcher(caseNo.strip()).matches()) {
      throw Refusal.invalid(
          "caseNo", "须为 3-64 位文字、数字或 - _ . / ( ) 〔 〕 3-64 letters, digits or - _ . / ( ) 〔 〕");
    }
    if (kind == null) {
      throw Refusal.invalid("kind", "不能为空 is required (PROMOTION or AWARD)");
    }
    if (title == null || title.isBlank()) {
      throw Refusal.invalid("title", "不能为空 is required");
    }
    if (title.strip().length() > 200 || title.chars().anyMatch(Character::isISOControl)) {
      throw Refusal.invalid("title", "过长或含控制字符 too long or has control characters");
    }
    if (candidates == null) {
      throw Refusal.invalid("candidates", "不能为空 is required");
    }
    if (candidates.size() > MAX_CANDIDATES) {
      throw Refusal.invalid("candidates", "最多 200 人 at most 200 candidates");
    }
    List<String> listed = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      String cadreId = candidates.get(i);
      String field = "candidates[" + i + "]";
      requireCadreId(field, cadreId);
      if (listed.contains(cadreId)) {
        throw Refusal.invalid(field, "重复的干部 listed twice");
      }
      listed.add(cadreId);
    }
    return new ReviewCase(
        id,
        caseNo.strip(),
        kind,
        title.strip(),
        listed,
        CaseStatus.OPEN,
        openedBy,
        openedAt,
        null,
        null);
  }

  /** This case with one more candidate; only while open, and each cadre once. */
  public ReviewCase withCandidate(String cadreId) {
    requireCadreId("cadreId", cadreId);
    requireOpen();
    if (candidates.contains(cadreId)) {
      throw Refusal.conflict(
          "candidate-listed", "该干部已在本案候选名单中 the cadre is already a candidate in this case");
    }
    if (candidates.size() >= MAX_CANDIDATES) {
      throw Refusal.invalid("cadreId", "最多 200 人 at most 200 candidates");
    }
    List<String> more = new ArrayList<>(candidates);
    more.add(cadreId);
    return new ReviewCase(
        id, caseNo, kind, title, more, status, openedBy, openedAt, closedBy, closedAt);
  }

  /** This case closed by {@code by}; a closed case cannot be closed again. */
  public ReviewCase close(String by, Instant at) {
    requireOpen();
    return new ReviewCase(
        id, caseNo, kind, title, candidates, CaseStatus.CLOSED, openedBy, openedAt, by, at);
  }

  /**
   * Why a read of {@code cadreId}'s file within this case is refused, or empty when it is allowed.
   *
   * @param eligibilityKind the kind of eligibility asked, or null for the whole file
   */
  public Optional<ReadRefusal> refusalOf(String cadreId, Purpose eligibilityKind) {
    if (status != CaseStatus.OPEN) {
      return Optional.of(ReadRefusal.CASE_CLOSED);
    }
    if (eligibilityKind != null && eligibilityKind != kind) {
      return Optional.of(ReadRefusal.WRONG_KIND);
    }
    if (!candidates.contains(cadreId)) {
      return Optional.of(ReadRefusal.NOT_A_CANDIDATE);
    }
    return Optional.empty();
  }

  private void requireOpen() {
    if (status != CaseStatus.OPEN) {
      throw Refusal.conflict("case-closed", "审查已结束 the review case is closed");
    }
  }

  private static void requireCadreId(String field, String cadreId) {
    if (cadreId == null || !Cadre.ID.matcher(cadreId).matches()) {
      throw Refusal.invalid(field, "干部编号格式无效 invalid cadre id");
    }
  }

  public String id() {
    return id;
  }

  public String caseNo() {
    return caseNo;
  }

  public Purpose kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public List<String> candidates() {
    return candidates;
  }

  public CaseStatus status() {
    return status;
  }

  public String openedBy() {
    return openedBy;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public String closedBy() {
    return closedBy;
  }

  public Instant closedAt() {
    return closedAt;
  }
}
