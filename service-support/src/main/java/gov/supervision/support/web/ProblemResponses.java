package gov.supervision.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details the one way every part of a service answers errors. */
public class ProblemResponses {

  private static final String TYPE_PREFIX = "urn:supervision:problem:";

  private final JsonMapper json;

  public ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  /** A problem detail with {@code type}, {@code title}, {@code status}, {@code detail}. */
  public static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + slug));
    problem.setTitle(title);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  /**
   * 400 {@code invalid-input} naming every field at fault; the detail lists them as {@code field:
   * message}. The one shape of bad input, whether a binder, a filter or the domain found it.
   */
  public static ProblemDetail invalid(List<FieldProblem> errors) {
    String detail =
        errors.isEmpty()
            ? "输入无效 invalid input"
            : errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    return problem(HttpStatus.BAD_REQUEST, "invalid-input", "输入无效 Invalid input", detail, errors);
  }

  /** 403 {@code forbidden}; {@code detail} says what the caller may not do. */
  public static ProblemDetail forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "无权访问 Forbidden", detail, List.of());
  }

  /** 403 for a role that may not call the endpoint at all. */
  public static ProblemDetail roleMayNot() {
    return forbidden("当前角色无权执行此操作 Your role may not do this");
  }

  /** Writes a problem straight to a servlet response (filters, security handlers). */
  public void write(
      HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
      throws IOException {
    write(response, problem(status, slug, title, detail, List.of()));
  }

  /** Writes a problem straight to a servlet response. */
  public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }
}
