package gov.supervision.checklist.web;

import gov.supervision.checklist.domain.DomainViolation;
import gov.supervision.support.web.ApiProblem;
import gov.supervision.support.web.FieldProblem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the domain's refusals: an illegal state change is 409, missing input the change needs (e.g.
 * the note when going back) is 400 naming the field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainProblemAdvice {

  @ExceptionHandler(DomainViolation.class)
  ResponseEntity<ProblemDetail> domainViolation(DomainViolation e) {
    ApiProblem problem =
        e.isConflict()
            ? ApiProblem.conflict(e.code(), e.getMessage())
            : new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "输入无效 Invalid input",
                e.field() + ": " + e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
    detail.setType(java.net.URI.create("urn:supervision:problem:" + problem.slug()));
    detail.setTitle(problem.title());
    if (!problem.errors().isEmpty()) {
      detail.setProperty("errors", problem.errors());
    }
    return ResponseEntity.status(problem.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(detail);
  }
}
