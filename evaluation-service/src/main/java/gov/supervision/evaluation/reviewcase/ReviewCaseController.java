package gov.supervision.evaluation.reviewcase;

import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.CaseStatus;
import gov.supervision.evaluation.domain.ReviewCase;
import gov.supervision.support.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** HR's review cases (选任审查). */
@RestController
@RequestMapping("/api/review-cases")
@PreAuthorize("hasRole('HR')")
class ReviewCaseController {

  private final ReviewCases cases;

  ReviewCaseController(ReviewCases cases) {
    this.cases = cases;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<ReviewCaseResponse> open(
      @Valid @RequestBody OpenCaseRequest request, CurrentUser user) {
    ReviewCase opened =
        cases.open(
            request.caseNo(), request.kind(), request.title(), request.candidates(), user.sub());
    return ResponseEntity.created(URI.create("/api/review-cases/" + opened.id()))
        .body(view(opened));
  }

  @GetMapping
  List<ReviewCaseResponse> list(@RequestParam(required = false) CaseStatus status) {
    return cases.list(status).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  ReviewCaseResponse get(@PathVariable String id) {
    return view(cases.get(id));
  }

  @PostMapping("/{id}/candidates")
  ReviewCaseResponse addCandidate(
      @PathVariable String id, @Valid @RequestBody AddCandidateRequest request) {
    return view(cases.addCandidate(id, request.cadreId()));
  }

  @PostMapping("/{id}/close")
  ReviewCaseResponse close(@PathVariable String id, CurrentUser user) {
    return view(cases.close(id, user.sub()));
  }

  private ReviewCaseResponse view(ReviewCase c) {
    Map<String, Cadre> profiles = cases.candidateProfiles(c);
    List<CandidateView> details =
        c.candidates().stream()
            .map(
                id -> {
                  Cadre cadre = profiles.get(id);
                  return cadre == null
                      ? new CandidateView(id, null, null, null)
                      : new CandidateView(id, cadre.name(), cadre.unit(), cadre.position());
                })
            .toList();
    return ReviewCaseResponse.of(c, details);
  }
}
