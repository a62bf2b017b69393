package gov.supervision.evaluation.dossier;

import gov.supervision.contracts.Refusal;
import gov.supervision.evaluation.accesslog.AccessLog;
import gov.supervision.evaluation.accesslog.ReadingWatch;
import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.ReadRefusal;
import gov.supervision.evaluation.domain.ReviewCase;
import gov.supervision.evaluation.reviewcase.ReviewCases;
import gov.supervision.support.security.CurrentUser;
import gov.supervision.support.web.ApiProblem;
import gov.supervision.support.web.RequestIdFilter;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The gate of every personnel-file read. HR's read names a review case ({@code caseId}, or the old
 * {@code purpose} parameter carrying the case number) and is allowed only to HR, within an open
 * case that lists the cadre, and for an eligibility only within a case of that kind. The role is
 * checked here rather than by {@code @PreAuthorize} so that refusals are logged too: whatever the
 * outcome (200, 400, 403, 404, 500), one entry is appended before the answer leaves, with the case
 * number as its purpose; if the entry cannot be written, the file is not handed out. Every entry is
 * then shown to the {@link ReadingWatch}. One person's refused reads are limited ({@link
 * RefusedReadLimit}): past the limit they are answered 429, and only the first of them in a window
 * is logged. An evaluator's read of the records they keep goes through the same gate ({@link
 * #readForUpkeep}), logged with {@link #UPKEEP} as its purpose.
 */
@Component
class FileReads {

  static final int PURPOSE_MAX = 200;

  /** The purpose logged for an evaluator's read of a file they keep. */
  static final String UPKEEP = "档案维护";

  private final AccessLog log;
  private final ReviewCases cases;
  private final ReadingWatch watch;
  private final RefusedReadLimit refusedReads;

  FileReads(AccessLog log, ReviewCases cases, ReadingWatch watch, RefusedReadLimit refusedReads) {
    this.log = log;
    this.cases = cases;
    this.watch = watch;
    this.refusedReads = refusedReads;
  }

  /** What the caller named the case by: its id, or (the older form) its number as purpose. */
  record CaseReference(String caseId, String purpose) {

    /** What the log shows when the reference names no known case: what was given. */
    String asGiven() {
      if (purpose != null && !purpose.isBlank()) {
        return purpose.strip();
      }
      return caseId == null || caseId.isBlank() ? null : "caseId:" + caseId.strip();
    }
  }

  /**
   * Reads a file for a review case.
   *
   * @param eligibilityKind the kind of eligibility asked, or null for the whole file
   * @param answer what the read hands out, given the case it is read for
   */
  <T> T read(
      CurrentUser user,
      String cadreId,
      CaseReference reference,
      String endpoint,
      Purpose eligibilityKind,
      Function<ReviewCase, T> answer) {
    return logged(
        user,
        cadreId,
        reference.asGiven(),
        endpoint,
        entry -> {
          ReviewCase reviewCase = null;
          Refusal unresolved = null;
          try {
            reviewCase = resolve(reference);
            entry.purpose = reviewCase.caseNo(); // logged for every outcome, other roles' too
          } catch (Refusal e) {
            unresolved = e;
          }
          if (!user.hasRole("HR")) {
            throw Refusal.forbidden("仅组织人事部门可查阅干部档案 Only HR may read a cadre's file");
          }
          checkCadreId(cadreId);
          if (unresolved != null) {
            throw unresolved;
          }
          Optional<ReadRefusal> refusal = reviewCase.refusalOf(cadreId, eligibilityKind);
          if (refusal.isPresent()) {
            throw new ApiProblem(
                HttpStatus.FORBIDDEN,
                refusal.get().slug(),
                "无权查阅 Read not allowed",
                refusal.get().message() + " (" + reviewCase.caseNo() + ")");
          }
          return answer.apply(reviewCase);
        });
  }

  /**
   * An evaluator's read of the records of a file they keep (档案维护): allowed only to EVALUATOR, who
   * must see a record to correct it, and logged, watched and limited like HR's reads, with {@link
   * #UPKEEP} as its purpose, so that the auditors see who read which file outside review cases too.
   */
  <T> T readForUpkeep(CurrentUser user, String cadreId, String endpoint, Supplier<T> answer) {
    return logged(
        user,
        cadreId,
        UPKEEP,
        endpoint,
        entry -> {
          if (!user.hasRole("EVALUATOR")) {
            throw Refusal.forbidden(
                "仅档案维护人员可查看评价记录 Only evaluators may read the records of a file");
          }
          checkCadreId(cadreId);
          return answer.get();
        });
  }

  /** What the log entry of a read will say: its purpose, settled while the read is checked. */
  private static final class Entry {
    String purpose;

    Entry(String purpose) {
      this.purpose = purpose;
    }
  }

  /**
   * Runs one read and, whatever its outcome, appends its entry before the answer leaves; a refused
   * read past the person's limit is answered 429 (and only the first such one is logged).
   */
  private <T> T logged(
      CurrentUser user,
      String cadreId,
      String purpose,
      String endpoint,
      Function<Entry, T> attempt) {
    int outcome = 500;
    boolean logged = true;
    Entry entry = new Entry(purpose);
    try {
      T result = attempt.apply(entry);
      outcome = 200;
      return result;
    } catch (ApiProblem | Refusal e) {
      outcome = statusOf(e);
      if (outcome >= 400 && outcome < 500) {
        RefusedReadLimit.Verdict verdict = refusedReads.refused(user.sub());
        if (verdict != RefusedReadLimit.Verdict.WITHIN) {
          outcome = HttpStatus.TOO_MANY_REQUESTS.value();
          logged = verdict == RefusedReadLimit.Verdict.FIRST_OVER;
          throw ApiProblem.tooManyRequests(
              "too-many-refused-reads",
              "被拒查阅过多，请稍后再试 too many refused reads of personnel files; try again later",
              refusedReads.retryAfterSeconds());
        }
      }
      throw e;
    } finally {
      if (logged) {
        appendAndWatch(user, cadreId, entry.purpose, endpoint, outcome);
      }
    }
  }

  /** The HTTP status the one problem handler answers a refusal with. */
  private static int statusOf(RuntimeException e) {
    if (e instanceof ApiProblem problem) {
      return problem.status().value();
    }
    return switch (((Refusal) e).kind()) {
      case INVALID -> HttpStatus.BAD_REQUEST.value();
      case FORBIDDEN -> HttpStatus.FORBIDDEN.value();
      case NOT_FOUND -> HttpStatus.NOT_FOUND.value();
      case CONFLICT -> HttpStatus.CONFLICT.value();
    };
  }

  private static void checkCadreId(String cadreId) {
    if (cadreId == null || !Cadre.ID.matcher(cadreId).matches()) {
      throw Refusal.invalid("id", "编号格式无效 invalid cadre id");
    }
  }

  private void appendAndWatch(
      CurrentUser user, String cadreId, String purpose, String endpoint, int outcome) {
    log.append(
        new AccessLog.Read(
            user.sub(),
            List.copyOf(new TreeSet<>(user.roles())),
            clip(cadreId, 100),
            clip(purpose, PURPOSE_MAX),
            endpoint,
            outcome,
            MDC.get(RequestIdFilter.MDC_KEY)));
    watch.observe(user.sub(), outcome);
  }

  /** The case named: 400 when none is named or the one named is unknown. */
  private ReviewCase resolve(CaseReference reference) {
    String caseId = blankToNull(reference.caseId());
    String purpose = blankToNull(reference.purpose());
    if (caseId != null) {
      ReviewCase found =
          cases
              .byId(caseId)
              .orElseThrow(() -> Refusal.invalid("caseId", "审查案件不存在 no such review case"));
      if (purpose != null && !purpose.equals(found.caseNo())) {
        throw Refusal.invalid(
            "purpose", "与 caseId 所指案件编号不符 does not match the number of the case named by caseId");
      }
      return found;
    }
    if (purpose != null) {
      return cases
          .byCaseNo(purpose)
          .orElseThrow(
              () ->
                  Refusal.invalid(
                      "purpose",
                      "须为审查案件编号；请用 caseId 指明审查案件 must be the number of a review case;"
                          + " name the case with caseId"));
    }
    throw Refusal.invalid("caseId", "须指明审查案件 name the review case (caseId)");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
