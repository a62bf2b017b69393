package gov.supervision.evaluation.reviewcase;

import gov.supervision.contracts.Refusal;
import gov.supervision.evaluation.cadre.CadreStore;
import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.CaseStatus;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.ReviewCase;
import gov.supervision.support.store.OptimisticRetry;
import gov.supervision.support.web.ApiProblem;
import gov.supervision.support.web.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Opens, lists, changes and closes review cases, and finds the case a file read names. */
@Service
public class ReviewCases {

  /** Case ids as this service makes them (UUIDs), checked before any lookup. */
  static final Pattern ID = Pattern.compile("^[A-Za-z0-9-]{1,64}$");

  private final ReviewCaseStore cases;
  private final CadreStore cadres;
  private final Clock clock;

  ReviewCases(ReviewCaseStore cases, CadreStore cadres, Clock clock) {
    this.cases = cases;
    this.cadres = cadres;
    this.clock = clock;
  }

  /** Opens a case; 400 naming the candidate not registered, 409 when the case number is taken. */
  ReviewCase open(
      String caseNo, Purpose kind, String title, List<String> candidates, String openedBy) {
    ReviewCase opened =
        ReviewCase.open(
            UUID.randomUUID().toString(),
            caseNo,
            kind,
            title,
            candidates,
            openedBy,
            clock.instant());
    for (int i = 0; i < opened.candidates().size(); i++) {
      requireRegistered("candidates[" + i + "]", opened.candidates().get(i));
    }
    try {
      cases.insert(opened);
    } catch (DuplicateKeyException e) {
      // a 409 that names the field (errors[caseNo]), which a Refusal.conflict cannot say
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "case-no-taken",
          "状态冲突 Conflict",
          "审查编号已被使用 case number " + opened.caseNo() + " is taken",
          List.of(new FieldProblem("caseNo", "已被使用 already taken")));
    }
    return opened;
  }

  /** Every case, or those in one status, newest first. */
  List<ReviewCase> list(CaseStatus status) {
    return cases.list(status);
  }

  /** A case, or 404. */
  ReviewCase get(String id) {
    return byId(id).orElseThrow(() -> Refusal.notFound("审查 review case", id));
  }

  /** Adds a registered cadre to an open case (409 when closed or already listed). */
  ReviewCase addCandidate(String id, String cadreId) {
    return change(
        id,
        c -> {
          ReviewCase changed = c.withCandidate(cadreId);
          requireRegistered("cadreId", cadreId);
          return changed;
        });
  }

  /** Closes an open case (409 when closed already). */
  ReviewCase close(String id, String by) {
    return change(id, c -> c.close(by, clock.instant()));
  }

  /** The case of this id, if the id is well-formed and known. */
  public Optional<ReviewCase> byId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return cases.find(id).map(ReviewCaseDocument::reviewCase);
  }

  /** The case with this number, if any. */
  public Optional<ReviewCase> byCaseNo(String caseNo) {
    if (caseNo == null || !ReviewCase.CASE_NO.matcher(caseNo).matches()) {
      return Optional.empty();
    }
    return cases.byCaseNo(caseNo);
  }

  /** The profiles (never the files) of the case's registered candidates, by cadre id. */
  Map<String, Cadre> candidateProfiles(ReviewCase c) {
    return cadres.profilesOf(c.candidates()).stream()
        .collect(Collectors.toMap(Cadre::id, Function.identity()));
  }

  private ReviewCase change(String id, UnaryOperator<ReviewCase> change) {
    return OptimisticRetry.retry(
        () -> {
          ReviewCaseDocument doc =
              (id != null && ID.matcher(id).matches()
                      ? cases.find(id)
                      : Optional.<ReviewCaseDocument>empty())
                  .orElseThrow(() -> Refusal.notFound("审查 review case", id));
          ReviewCase changed = change.apply(doc.reviewCase());
          doc.apply(changed);
          cases.save(doc);
          return changed;
        });
  }

  private void requireRegistered(String field, String cadreId) {
    if (!cadres.exists(cadreId)) {
      throw Refusal.invalid(field, "未登记的干部 cadre " + cadreId + " is not registered");
    }
  }
}
