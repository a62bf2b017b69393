package gov.supervision.evaluation.web;

import gov.supervision.evaluation.cadre.ImportRejected;
import gov.supervision.evaluation.domain.RuleViolation;
import gov.supervision.support.web.FieldProblem;
import gov.supervision.support.web.ProblemResponses;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the domain's refusals (409 / 400 with the field) and rejected imports to problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvaluationProblems {

  @ExceptionHandler(RuleViolation.class)
  ResponseEntity<ProblemDetail> ruleViolation(RuleViolation v) {
    ProblemDetail problem =
        v.kind() == RuleViolation.Kind.CONFLICT
            ? ProblemResponses.problem(
                HttpStatus.CONFLICT, v.code(), "状态冲突 Conflict", v.getMessage(), List.of())
            : ProblemResponses.problem(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "输入无效 Invalid input",
                v.field() + ": " + v.getMessage(),
                List.of(new FieldProblem(v.field(), v.getMessage())));
    return answer(problem);
  }

  @ExceptionHandler(ImportRejected.class)
  ResponseEntity<ProblemDetail> importRejected(ImportRejected e) {
    ProblemDetail problem =
        ProblemResponses.problem(
            HttpStatus.BAD_REQUEST,
            "import-rejected",
            "导入被拒绝 Import rejected",
            e.getMessage(),
            e.problems().stream()
                .map(p -> new FieldProblem("rows[" + p.row() + "]." + p.field(), p.message()))
                .toList());
    problem.setProperty("rows", e.problems());
    return answer(problem);
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
