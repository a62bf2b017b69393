package gov.supervision.support.web;

import static gov.supervision.support.web.ProblemResponses.invalid;

import gov.supervision.contracts.Refusal;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The one place a service turns exceptions into problem+json: validation errors name their fields,
 * unknown JSON fields are refused, and nothing internal (stack traces, class names) leaks.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> refusal(Refusal e) {
    return answer(
        switch (e.kind()) {
          case INVALID -> invalid(List.of(new FieldProblem(e.field(), e.getMessage())));
          case FORBIDDEN -> ProblemResponses.forbidden(e.getMessage());
          case NOT_FOUND ->
              ProblemResponses.problem(
                  HttpStatus.NOT_FOUND, e.code(), "未找到 Not found", e.getMessage(), List.of());
          case CONFLICT ->
              ProblemResponses.problem(
                  HttpStatus.CONFLICT, e.code(), "状态冲突 Conflict", e.getMessage(), List.of());
        });
  }

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
    ProblemDetail problem =
        ProblemResponses.problem(e.status(), e.slug(), e.title(), e.getMessage(), e.errors());
    e.properties().forEach(problem::setProperty);
    if (e.retryAfterSeconds() != null) {
      return ResponseEntity.status(problem.getStatus())
          .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
          .header(
              org.springframework.http.HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().toString())
          .body(problem);
    }
    return answer(problem);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
    List<FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage()))
            .toList();
    return answer(invalid(errors));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return answer(invalid(List.of(new FieldProblem(e.getName(), "值无效 invalid value"))));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
    return answer(ProblemResponses.roleMayNot());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
    return answer(
        ProblemResponses.problem(
            HttpStatus.CONFLICT,
            "concurrent-change",
            "并发修改 Concurrent change",
            "数据已被他人修改，请重试 Changed by someone else meanwhile; retry",
            List.of()));
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
    return answer(
        ProblemResponses.problem(
            HttpStatus.CONFLICT, "duplicate", "重复 Duplicate", "该记录已存在 Already exists", List.of()));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return body(JsonBodyGuardFilter.tooLarge());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected error", e);
    return answer(
        ProblemResponses.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            "内部错误 Internal error",
            "服务内部错误，请稍后重试 Something went wrong; try again later",
            List.of()));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
            .toList();
    return body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                new FieldProblem(
                                    r.getMethodParameter().getParameterName(),
                                    err.getDefaultMessage())))
            .toList();
    return body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return body(invalid(List.of(new FieldProblem(e.getParameterName(), "不能为空 is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = "body";
    String message = "请求体不是有效的 JSON 或字段类型错误 malformed JSON or wrong type";
    if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      field = JsonPaths.of(databind.getPath());
      if (databind instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
        message = "未知字段 unknown field";
      } else if (databind instanceof tools.jackson.databind.exc.MismatchedInputException) {
        message = "类型或格式错误 wrong type or format";
      }
    }
    return body(invalid(List.of(new FieldProblem(field, message))));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail given
            ? given
            : ProblemDetail.forStatusAndDetail(status, "请求无法处理 The request cannot be handled");
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(java.net.URI.create("urn:supervision:problem:http-" + status.value()));
    }
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String leaf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ResponseEntity<Object> body(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
