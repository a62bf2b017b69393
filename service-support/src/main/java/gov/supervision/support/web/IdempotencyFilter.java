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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
 *
 * <p>While the first request runs, its key is claimed ({@code IN_PROGRESS}) and the same request
 * again is 409. A claim older than {@code lease} belongs to a request whose instance died (killed
 * while running): the same request may then take it over, by one conditional update on the claim's
 * state and age, so of two retries arriving together only one runs. The claim names the request
 * that holds it, so a request that outlived its lease neither keeps nor removes the claim of the
 * one that took it over. Keys are kept for {@code retention} from their claim ({@code expireAt}: a
 * TTL index on MongoDB, and a sweep at most once per {@link #SWEEP_EVERY} by the filter itself for
 * stores without TTL expiry).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";

  static final String COLLECTION = "idempotency_keys";

  /** How often an instance removes keys past their retention. */
  static final Duration SWEEP_EVERY = Duration.ofHours(1);

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

  private final MongoTemplate mongo;
  private final ProblemResponses problems;
  private final Clock clock;
  private final Duration lease;
  private final Duration retention;
  private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

  /**
   * @param lease how old an {@code IN_PROGRESS} claim must be before the same request may take it
   *     over: longer than any request may run
   * @param retention how long a key is kept (its answer replayed) after it was claimed
   */
  public IdempotencyFilter(
      MongoTemplate mongo, JsonMapper json, Clock clock, Duration lease, Duration retention) {
    if (lease.isNegative() || lease.isZero() || retention.compareTo(lease) <= 0) {
      throw new IllegalArgumentException(
          "idempotency lease must be positive and shorter than the retention");
    }
    this.mongo = mongo;
    this.problems = new ProblemResponses(json);
    this.clock = clock;
    this.lease = lease;
    this.retention = retention;
  }

  /** The TTL index on {@code expireAt} (enforced by MongoDB; the embedded store ignores it). */
  public void createIndexes() {
    try {
      mongo
          .indexOps(COLLECTION)
          .createIndex(new Index().on("expireAt", Sort.Direction.ASC).named("expireAt").expire(0L));
    } catch (DataAccessException | IllegalStateException e) {
      log.warn("idempotency key index not created (retried at next start): {}", e.toString());
    }
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
          ProblemResponses.invalid(
              List.of(
                  new FieldProblem(HEADER, "1-128 位字母、数字或 _.:- 1-128 letters, digits or _.:-"))));
      return;
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    String id = (caller == null ? "anonymous" : caller.getName()) + ":" + key;
    byte[] body = request.getInputStream().readAllBytes();
    String fingerprint = fingerprint(request, body);

    Instant now = clock.instant();
    String holder = UUID.randomUUID().toString();
    Document claim =
        new Document("_id", id)
            .append("fingerprint", fingerprint)
            .append("state", "IN_PROGRESS")
            .append("holder", holder)
            .append("createdAt", now)
            .append("expireAt", now.plus(retention));
    try {
      mongo.insert(claim, COLLECTION);
    } catch (DuplicateKeyException e) {
      if (!takeOverStaleClaim(id, fingerprint, holder, now)) {
        replay(mongo.findById(id, Document.class, COLLECTION), fingerprint, response);
        return;
      }
    }

    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    Query ours = new Query(Criteria.where("_id").is(id).and("holder").is(holder));
    boolean kept = false;
    try {
      chain.doFilter(new ReplayableBodyRequest(request, body), recorded);
      if (recorded.getStatus() < 500) {
        long updated =
            mongo
                .updateFirst(
                    ours,
                    new Update()
                        .set("state", "COMPLETED")
                        .set("status", recorded.getStatus())
                        .set("contentType", recorded.getContentType())
                        .set("location", recorded.getHeader("Location"))
                        .set("body", new Binary(recorded.getContentAsByteArray())),
                    COLLECTION)
                .getMatchedCount();
        if (updated == 0) {
          log.warn(
              "a request with an Idempotency-Key ran longer than the {} lease; another request"
                  + " took its key over, so its answer was not kept",
              lease);
        }
        kept = true;
      }
    } finally {
      if (!kept) {
        mongo.remove(ours, COLLECTION);
      }
      recorded.copyBodyToResponse();
      sweepIfDue(now);
    }
  }

  /**
   * Takes over the claim of the same request when it is older than the lease (its instance died
   * while running it): one conditional update, so only one of several retries gets it.
   */
  private boolean takeOverStaleClaim(String id, String fingerprint, String holder, Instant now) {
    Query stale =
        new Query(
            Criteria.where("_id")
                .is(id)
                .and("state")
                .is("IN_PROGRESS")
                .and("fingerprint")
                .is(fingerprint)
                .and("createdAt")
                .lt(now.minus(lease)));
    Document taken =
        mongo.findAndModify(
            stale,
            new Update()
                .set("holder", holder)
                .set("createdAt", now)
                .set("expireAt", now.plus(retention)),
            FindAndModifyOptions.options().returnNew(true),
            Document.class,
            COLLECTION);
    if (taken != null) {
      log.warn(
          "took over the claim of Idempotency-Key {}: older than the {} lease, its request never"
              + " finished",
          id,
          lease);
    }
    return taken != null;
  }

  /** Removes keys past their retention, at most once per {@link #SWEEP_EVERY} per instance. */
  private void sweepIfDue(Instant now) {
    Instant due = nextSweep.get();
    if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
      return;
    }
    try {
      mongo.remove(new Query(Criteria.where("createdAt").lt(now.minus(retention))), COLLECTION);
    } catch (DataAccessException e) {
      log.warn("old idempotency keys not removed (next sweep retries): {}", e.toString());
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
