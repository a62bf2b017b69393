package gov.supervision.evaluation.reviewcase;

import gov.supervision.evaluation.domain.CaseStatus;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.ReviewCase;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The request and response records of the review-case API. */
final class ReviewCaseApi {

  private ReviewCaseApi() {}

  /** {@code POST /api/review-cases}. */
  record OpenCaseRequest(
      @NotBlank @Size(max = 64) String caseNo,
      @NotNull Purpose kind,
      @NotBlank @Size(max = 200) String title,
      @NotNull @Size(max = ReviewCase.MAX_CANDIDATES)
          List<@NotBlank @Size(max = 64) String> candidates) {

    /** What a caller sends, as the OpenAPI document shows it (its request example). */
    public static final OpenCaseRequest EXAMPLE =
        new OpenCaseRequest(
            "干审〔2026〕12号", Purpose.PROMOTION, "2026年市管干部选拔任用", List.of("C-0042", "C-0107"));
  }

  /** {@code POST /api/review-cases/{id}/candidates}. */
  record AddCandidateRequest(@NotBlank @Size(max = 64) String cadreId) {

    /** What a caller sends, as the OpenAPI document shows it (its request example). */
    public static final AddCandidateRequest EXAMPLE = new AddCandidateRequest("C-0213");
  }

  /** A candidate as the case list shows it: the profile only, never the file. */
  record CandidateView(String cadreId, String name, String unit, String position) {}

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
}
