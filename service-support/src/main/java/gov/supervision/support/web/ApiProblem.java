package gov.supervision.support.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An answer only HTTP knows (429 with {@code Retry-After}, a rejected import's row list, ...),
 * rendered as problem+json; {@code slug} becomes the problem {@code type} ({@code
 * urn:supervision:problem:<slug>}). Refusals of the domain, services and stores are {@link
 * gov.supervision.contracts.Refusal}.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String slug;
  private final String title;
  private final List<FieldProblem> errors;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private Long retryAfterSeconds;

  public ApiProblem(HttpStatus status, String slug, String title, String detail) {
    this(status, slug, title, detail, List.of());
  }

  public ApiProblem(
      HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** 429: the caller asked too often; {@code Retry-After} says in how many seconds to try again. */
  public static ApiProblem tooManyRequests(String slug, String detail, long retryAfterSeconds) {
    ApiProblem problem =
        new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, slug, "请求过于频繁 Too many requests", detail);
    problem.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    return problem;
  }

  /** Adds a member to the problem body besides the standard ones, e.g. an import's {@code rows}. */
  public ApiProblem withProperty(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  /** The extra members of the problem body, in the order they were added. */
  public Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** Seconds for the {@code Retry-After} header, or null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
