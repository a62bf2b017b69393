package gov.supervision.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.support.testapp.SupportTestApplication;
import gov.supervision.support.testapp.SupportTestApplication.WidgetController;
import gov.supervision.testsupport.SuiteIT;
import gov.supervision.testsupport.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** What every service inherits from service-support, through real HTTP and real tokens. */
@SpringBootTest(
    classes = SupportTestApplication.class,
    // as every service's application.yml says
    properties = "spring.security.oauth2.resourceserver.jwt.audiences=supervision",
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceSupportWebIT extends SuiteIT {

  @LocalServerPort int port;
  @Autowired WidgetController widgets;
  @Autowired MongoTemplate mongo;
  RestClient http;

  @BeforeEach
  void client() {
    http =
        RestClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();
  }

  ResponseEntity<String> post(String token, String body, String idempotencyKey) {
    var request =
        http.post()
            .uri("/api/widgets")
            .contentType(MediaType.APPLICATION_JSON)
            .header("Authorization", "Bearer " + token)
            .body(body);
    if (idempotencyKey != null) {
      request = request.header("Idempotency-Key", idempotencyKey);
    }
    return request.retrieve().toEntity(String.class);
  }

  static void assertProblem(ResponseEntity<String> answer, HttpStatus status) {
    assertThat(answer.getStatusCode()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(answer.getBody()).contains("\"status\":" + status.value()).contains("\"title\"");
    assertThat(answer.getBody()).doesNotContain("Exception").doesNotContain("at gov.");
  }

  @Test
  void createsWithAValidTokenAndRole() {
    var answer =
        post(TestTokens.inspector(), "{\"name\":\"检查\",\"unit\":\"FGW\",\"size\":3}", null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).contains("\"createdBy\":\"inspector\"");
    assertThat(answer.getHeaders().getFirst("X-Request-Id")).isNotBlank();
  }

  @Test
  void refusesMissingAndBrokenTokensWith401() {
    String body = "{\"name\":\"a\",\"unit\":\"FGW\",\"size\":3}";
    for (String token :
        new String[] {
          "not-a-token",
          TestTokens.expired("inspector", "INSPECTOR"),
          TestTokens.wrongIssuer("inspector", "INSPECTOR"),
          TestTokens.otherAudience("inspector", "INSPECTOR"),
          TestTokens.withoutExpiry("inspector", "INSPECTOR"),
          TestTokens.wrongKey("inspector", "INSPECTOR"),
          TestTokens.tampered("auditor"),
          TestTokens.algNone("inspector", "INSPECTOR")
        }) {
      assertProblem(post(token, body, null), HttpStatus.UNAUTHORIZED);
    }
    var anonymous = http.get().uri("/api/widgets/x").retrieve().toEntity(String.class);
    assertProblem(anonymous, HttpStatus.UNAUTHORIZED);
  }

  @Test
  void refusesAWrongRoleWith403() {
    assertProblem(
        post(TestTokens.auditor(), "{\"name\":\"a\",\"unit\":\"FGW\",\"size\":3}", null),
        HttpStatus.FORBIDDEN);
  }

  @Test
  void badInputIs400NamingTheField() {
    String token = TestTokens.inspector();
    var invalid = post(token, "{\"name\":\"\",\"unit\":\"fgw\",\"size\":9}", null);
    assertProblem(invalid, HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody())
        .contains("\"field\":\"name\"")
        .contains("\"field\":\"unit\"")
        .contains("\"field\":\"size\"");

    var unknown = post(token, "{\"name\":\"a\",\"unit\":\"FGW\",\"size\":3,\"admin\":true}", null);
    assertProblem(unknown, HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).contains("\"field\":\"admin\"");

    var operator = post(token, "{\"name\":{\"$ne\":null},\"unit\":\"FGW\",\"size\":3}", null);
    assertProblem(operator, HttpStatus.BAD_REQUEST);
    assertThat(operator.getBody()).contains("\"field\":\"name.$ne\"");

    var dotted = post(token, "{\"a.b\":1}", null);
    assertProblem(dotted, HttpStatus.BAD_REQUEST);
    assertThat(dotted.getBody()).contains("\"field\":\"a.b\"");

    var wrongType = post(token, "{\"name\":\"a\",\"unit\":\"FGW\",\"size\":\"big\"}", null);
    assertProblem(wrongType, HttpStatus.BAD_REQUEST);
    assertThat(wrongType.getBody()).contains("\"field\":\"size\"");

    assertProblem(post(token, "{\"name\":", null), HttpStatus.BAD_REQUEST);
    assertThat(widgets.anyNamed("")).isFalse();
  }

  @Test
  void aBodyOverOneMebibyteIs413() {
    String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"unit\":\"FGW\",\"size\":3}";
    assertProblem(post(TestTokens.inspector(), huge, null), HttpStatus.CONTENT_TOO_LARGE);
  }

  @Test
  void aClientSendingItsWholeTooLargeBodyWithoutExpectContinueReadsThe413() throws Exception {
    assertThat(answerToWholeBody("application/json", 6 * 1024 * 1024)).isEqualTo("HTTP/1.1 413");
  }

  @Test
  void aStreamedBodyOfAnotherTypeIsBoundedToo() throws Exception {
    // chunked text with an idempotency key: once read whole into memory, without a bound
    assertThat(answerToChunkedBody("text/plain", 3 * 1024 * 1024)).isEqualTo("HTTP/1.1 413");
    var healthy =
        post(TestTokens.inspector(), "{\"name\":\"ok\",\"unit\":\"FGW\",\"size\":3}", null);
    assertThat(healthy.getStatusCode().value()).isEqualTo(201);
  }

  /** The status line a raw client reads after sending headers and its whole body at once. */
  private String answerToWholeBody(String type, int length) throws IOException {
    return rawPost(
        "Content-Type: " + type + "\r\nContent-Length: " + length + "\r\n",
        out -> {
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) ' ');
          for (int sent = 0; sent < length; sent += chunk.length) {
            out.write(chunk);
          }
        });
  }

  private String answerToChunkedBody(String type, int length) throws IOException {
    return rawPost(
        "Content-Type: "
            + type
            + "\r\nIdempotency-Key: chunked-1\r\nTransfer-Encoding: chunked\r\n",
        out -> {
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) 'x');
          for (int sent = 0; sent < length; sent += chunk.length) {
            out.write(
                (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
  }

  private interface BodyWriter {
    void write(java.io.OutputStream out) throws IOException;
  }

  private String rawPost(String headers, BodyWriter body) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/widgets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + TestTokens.inspector()
                  + "\r\n"
                  + headers
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      try {
        body.write(out);
        out.flush();
      } catch (java.net.SocketException reset) {
        return "reset while sending: " + reset.getMessage();
      }
      return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void unknownIdIs404AndInternalErrorsLeakNothing() {
    String token = TestTokens.inspector();
    assertProblem(
        http.get()
            .uri("/api/widgets/none")
            .header("Authorization", "Bearer " + token)
            .retrieve()
            .toEntity(String.class),
        HttpStatus.NOT_FOUND);
    var boom =
        http.get()
            .uri("/api/boom")
            .header("Authorization", "Bearer " + token)
            .retrieve()
            .toEntity(String.class);
    assertProblem(boom, HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(boom.getBody()).doesNotContain("secret").doesNotContain("gov.supervision");
  }

  @Test
  void keepsASaneRequestIdAndReplacesAnInsaneOne() {
    var kept =
        http.get()
            .uri("/api/widgets/none")
            .header("Authorization", "Bearer " + TestTokens.inspector())
            .header("X-Request-Id", "req-123")
            .retrieve()
            .toEntity(String.class);
    assertThat(kept.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-123");
    var replaced =
        http.get()
            .uri("/api/widgets/none")
            .header("Authorization", "Bearer " + TestTokens.inspector())
            .header("X-Request-Id", "<script>")
            .retrieve()
            .toEntity(String.class);
    assertThat(replaced.getHeaders().getFirst("X-Request-Id"))
        .isNotEqualTo("<script>")
        .isNotBlank();
  }

  @Test
  void idempotencyKeyReplaysTheSameAnswerAndRefusesAnotherBody() {
    String token = TestTokens.admin();
    String body = "{\"name\":\"幂等\",\"unit\":\"JW\",\"size\":2}";
    int before = widgets.creations();

    var first = post(token, body, "key-1");
    var second = post(token, body, "key-1");

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(second.getBody()).isEqualTo(first.getBody());
    assertThat(second.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    assertThat(widgets.creations()).isEqualTo(before + 1);

    var other = post(token, "{\"name\":\"别的\",\"unit\":\"JW\",\"size\":2}", "key-1");
    assertProblem(other, HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(widgets.creations()).isEqualTo(before + 1);

    var anotherCaller = post(TestTokens.inspector(), body, "key-1");
    assertThat(anotherCaller.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(widgets.creations()).isEqualTo(before + 2);
  }

  /**
   * The claim a request leaves when its instance dies while running it: written directly to the
   * store, {@code age} old, with the fingerprint the filter made of {@code body} (taken from a key
   * used once for the same request).
   */
  private void claimLeftByADeadInstance(String token, String body, String key, Duration age) {
    String probe = "probe-" + UUID.randomUUID();
    assertThat(post(token, body, probe).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Document probed = keptFor(probe);
    String caller = probed.getString("_id").substring(0, probed.getString("_id").indexOf(':'));
    mongo.insert(
        new Document("_id", caller + ":" + key)
            .append("fingerprint", probed.getString("fingerprint"))
            .append("state", "IN_PROGRESS")
            .append("createdAt", Instant.now().minus(age)),
        "idempotency_keys");
  }

  /** What the store keeps for an idempotency key (of whichever caller). */
  private Document keptFor(String key) {
    return mongo.findOne(
        new Query(Criteria.where("_id").regex(":" + key + "$")),
        Document.class,
        "idempotency_keys");
  }

  @Test
  void aClaimLeftByADeadInstanceIsTakenOverByTheSameRequestAfterItsLease() {
    String token = TestTokens.admin();
    String body = "{\"name\":\"接管\",\"unit\":\"JW\",\"size\":2}";
    String key = "stale-" + UUID.randomUUID();
    claimLeftByADeadInstance(token, body, key, Duration.ofMinutes(10));
    int before = widgets.creations();

    var retry = post(token, body, key);
    var again = post(token, body, key);

    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(widgets.creations()).isEqualTo(before + 1);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getBody()).isEqualTo(retry.getBody());
    assertThat(widgets.creations()).isEqualTo(before + 1);
  }

  @Test
  void ofRetriesArrivingTogetherOnlyOneTakesAStaleClaimOver() throws Exception {
    String token = TestTokens.admin();
    String body = "{\"name\":\"并发\",\"unit\":\"JW\",\"size\":2}";
    String key = "stale-together-" + UUID.randomUUID();
    claimLeftByADeadInstance(token, body, key, Duration.ofMinutes(10));
    int before = widgets.creations();

    List<Integer> statuses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> retries = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        retries.add(pool.submit(() -> post(token, body, key).getStatusCode().value()));
      }
      for (Future<Integer> retry : retries) {
        statuses.add(retry.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    // one ran; the others found it running (409) or, once done, got its answer again (201)
    assertThat(statuses).isSubsetOf(201, 409).contains(201);
    assertThat(widgets.creations()).isEqualTo(before + 1);
  }

  @Test
  void aFreshClaimIsStillInProgressAndAnotherRequestStillRefused() {
    String token = TestTokens.admin();
    String body = "{\"name\":\"未过期\",\"unit\":\"JW\",\"size\":2}";
    String fresh = "fresh-" + UUID.randomUUID();
    claimLeftByADeadInstance(token, body, fresh, Duration.ofSeconds(5));
    String stale = "stale-other-" + UUID.randomUUID();
    claimLeftByADeadInstance(token, body, stale, Duration.ofMinutes(10));
    int before = widgets.creations();

    assertProblem(post(token, body, fresh), HttpStatus.CONFLICT);
    // a stale claim is taken over only by the same request
    assertProblem(
        post(token, "{\"name\":\"别的\",\"unit\":\"JW\",\"size\":2}", stale),
        HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(widgets.creations()).isEqualTo(before);
  }

  @Test
  void aKeptKeyCarriesItsExpiry() {
    String key = "expiry-" + UUID.randomUUID();
    Instant sent = Instant.now();
    post(TestTokens.admin(), "{\"name\":\"保留\",\"unit\":\"JW\",\"size\":2}", key);

    Document kept = keptFor(key);
    assertThat(kept.getString("state")).isEqualTo("COMPLETED");
    // retention 24 h from the claim (supervision.web.idempotency.retention)
    assertThat(kept.getDate("expireAt").toInstant())
        .isBetween(
            sent.plus(Duration.ofHours(24)).minusSeconds(5),
            sent.plus(Duration.ofHours(24)).plusSeconds(30));
  }

  @Test
  void anEventMadeDuringARequestCarriesTheCallersTraceAndRequestId() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String callerSpan = "00f067aa0ba902b7";
    var answer =
        http.get()
            .uri("/api/widgets/w-1/pending-event")
            .header("Authorization", "Bearer " + TestTokens.inspector())
            .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
            .header("X-Request-Id", "req-trace-1")
            .retrieve()
            .toEntity(String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the service's own span: same trace, a span id of its own
    assertThat(answer.getBody())
        .containsPattern(
            "\"traceParent\":\"00-" + traceId + "-(?!" + callerSpan + ")[0-9a-f]{16}-01\"")
        .contains("\"requestId\":\"req-trace-1\"");
  }

  @Test
  void aRequestWithoutATraceGetsOneOfItsOwnForItsEvents() {
    var answer =
        http.get()
            .uri("/api/widgets/w-2/pending-event")
            .header("Authorization", "Bearer " + TestTokens.inspector())
            .retrieve()
            .toEntity(String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    // a request without a caller's trace gets a trace of its own, which the event carries
    assertThat(answer.getBody())
        .containsPattern("\"traceParent\":\"00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]\"");
  }
}
