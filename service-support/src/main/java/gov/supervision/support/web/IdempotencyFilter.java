package gov.supervision.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its answer is kept (per
 * caller, in collection {@code idempotency_keys}); the same key with the same request gets the same
 * answer again without running twice; the same key with another request is 422. An answer of 5xx is
 * not kept, so the caller may retry.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";

  static final String COLLECTION = "idempotency_keys";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  private final MongoTemplate mongo;
  private final ProblemResponses problems;
  private final Clock clock;

  public IdempotencyFilter(MongoTemplate mongo, JsonMapper json, Clock clock) {
    this.mongo = mongo;
    this.problems = new ProblemResponses(json);
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (!SANE.matcher(key).matches()) {
      problems.write(
          response,
          ProblemResponses.problem(
              HttpStatus.BAD_REQUEST,
              "invalid-input",
              "输入无效 Invalid input",
              HEADER + ": 格式无效 malformed",
              List.of(
                  new FieldProblem(HEADER, "1-128 位字母、数字或 _.:- 1-128 letters, digits or _.:-"))));
      return;
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    String id = (caller == null ? "anonymous" : caller.getName()) + ":" + key;
    byte[] body = request.getInputStream().readAllBytes();
    String fingerprint = fingerprint(request, body);

    Document claim =
        new Document("_id", id)
            .append("fingerprint", fingerprint)
            .append("state", "IN_PROGRESS")
            .append("createdAt", clock.instant());
    try {
      mongo.insert(claim, COLLECTION);
    } catch (DuplicateKeyException e) {
      replay(mongo.findById(id, Document.class, COLLECTION), fingerprint, response);
      return;
    }

    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    boolean kept = false;
    try {
      chain.doFilter(new ReplayableBodyRequest(request, body), recorded);
      if (recorded.getStatus() < 500) {
        mongo.updateFirst(
            new Query(Criteria.where("_id").is(id)),
            new org.springframework.data.mongodb.core.query.Update()
                .set("state", "COMPLETED")
                .set("status", recorded.getStatus())
                .set("contentType", recorded.getContentType())
                .set("location", recorded.getHeader("Location"))
                .set("body", new Binary(recorded.getContentAsByteArray())),
            COLLECTION);
        kept = true;
      }
    } finally {
      if (!kept) {
        mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION);
      }
      recorded.copyBodyToResponse();
    }
  }

  private void replay(Document earlier, String fingerprint, HttpServletResponse response)
      throws IOException {
    if (earlier == null || !fingerprint.equals(earlier.getString("fingerprint"))) {
      problems.write(
          response,
          HttpStatus.UNPROCESSABLE_CONTENT,
          "idempotency-key-reused",
          "幂等键冲突 Idempotency key reused",
          "该幂等键已用于另一个请求 This key was used for a different request");
      return;
    }
    if (!"COMPLETED".equals(earlier.getString("state"))) {
      problems.write(
          response,
          HttpStatus.CONFLICT,
          "idempotency-key-in-progress",
          "请求处理中 Request in progress",
          "使用该幂等键的请求仍在处理 A request with this key is still running");
      return;
    }
    response.setStatus(earlier.getInteger("status"));
    if (earlier.getString("contentType") != null) {
      response.setContentType(earlier.getString("contentType"));
    }
    if (earlier.getString("location") != null) {
      response.setHeader("Location", earlier.getString("location"));
    }
    response.setHeader("Idempotent-Replayed", "true");
    response.getOutputStream().write(earlier.get("body", Binary.class).getData());
  }

  private static String fingerprint(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
      digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
      digest.update(String.valueOf(request.getQueryString()).getBytes(StandardCharsets.UTF_8));
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
