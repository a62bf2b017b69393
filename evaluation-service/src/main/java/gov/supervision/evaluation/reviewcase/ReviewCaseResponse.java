package gov.supervision.evaluation.reviewcase;

import gov.supervision.evaluation.domain.CaseStatus;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.ReviewCase;
import java.time.Instant;
import java.util.List;

/** A review case. */
record ReviewCaseResponse(
    String id,
    String caseNo,
    Purpose kind,
    String kindLabel,
    String title,
    CaseStatus status,
    String statusLabel,
    List<String> candidates,
    List<CandidateView> candidateDetails,
    String openedBy,
    Instant openedAt,
    String closedBy,
    Instant closedAt) {

  static ReviewCaseResponse of(ReviewCase c, List<CandidateView> details) {
    return new ReviewCaseResponse(
        c.id(),
        c.caseNo(),
        c.kind(),
        c.kind().label(),
        c.title(),
        c.status(),
        c.status().label(),
        c.candidates(),
        details,
        c.openedBy(),
        c.openedAt(),
        c.closedBy(),
        c.closedAt());
  }
}
