package gov.supervision.evaluation.reviewcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/review-cases/{id}/candidates}. */
record AddCandidateRequest(@NotBlank @Size(max = 64) String cadreId) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final AddCandidateRequest EXAMPLE = new AddCandidateRequest("C-0213");
}
