package gov.supervision.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards every request body before a controller sees it: a body over the limit is 413, and a JSON
 * key that starts with {@code $} or contains {@code .} (a MongoDB operator or path) is 400 naming
 * the key. The body read here is handed on unchanged.
 */
public class JsonBodyGuardFilter extends OncePerRequestFilter {

  private final JsonMapper json;
  private final ProblemResponses problems;
  private final long maxJsonBytes;
  private final long maxMultipartBytes;

  public JsonBodyGuardFilter(JsonMapper json, long maxJsonBytes, long maxMultipartBytes) {
    this.json = json;
    this.problems = new ProblemResponses(json);
    this.maxJsonBytes = maxJsonBytes;
    this.maxMultipartBytes = maxMultipartBytes;
  }

  /** The 413 answer, the same from this filter and from the multipart resolver. */
  public static ProblemDetail tooLarge() {
    return ProblemResponses.problem(
        HttpStatus.CONTENT_TOO_LARGE,
        "payload-too-large",
        "请求体过大 Payload too large",
        "请求体超过上限 The request body exceeds the limit",
        List.of());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase();
    long limit = contentType.startsWith("multipart/") ? maxMultipartBytes : maxJsonBytes;
    if (request.getContentLengthLong() > limit) {
      problems.write(response, tooLarge());
      return;
    }
    if (!contentType.contains("json")) {
      try {
        chain.doFilter(new BoundedBodyRequest(request, limit), response);
      } catch (IOException | ServletException | RuntimeException e) {
        if (!causedByTooLargeBody(e) || response.isCommitted()) {
          throw e;
        }
        response.reset();
        problems.write(response, tooLarge());
      }
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) limit + 1);
    if (body.length > limit) {
      problems.write(response, tooLarge());
      return;
    }
    Optional<String> badKey = body.length == 0 ? Optional.empty() : firstForbiddenKey(body);
    if (badKey.isPresent()) {
      String field = badKey.get();
      problems.write(
          response,
          ProblemResponses.invalid(
              List.of(new FieldProblem(field, "不允许的字段名 forbidden key ($ or .)"))));
      return;
    }
    chain.doFilter(new ReplayableBodyRequest(request, body), response);
  }

  private static boolean causedByTooLargeBody(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BoundedBodyRequest.BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> firstForbiddenKey(byte[] body) {
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (JacksonException e) {
      return Optional.empty(); // the message converter answers malformed JSON with a 400
    }
    return firstForbiddenKey(tree, "");
  }

  private static Optional<String> firstForbiddenKey(JsonNode node, String path) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        String keyPath = path.isEmpty() ? key : path + "." + key;
        if (key.startsWith("$") || key.contains(".")) {
          return Optional.of(keyPath);
        }
        Optional<String> nested = firstForbiddenKey(field.getValue(), keyPath);
        if (nested.isPresent()) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> nested = firstForbiddenKey(node.get(i), path + "[" + i + "]");
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }
}
