package gov.supervision.evaluation.reviewcase;

import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.ReviewCase;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

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
