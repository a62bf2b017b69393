package gov.supervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import gov.supervision.gateway.routing.RetryProperties;
import gov.supervision.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A down or slow service gives 503 or 504 problem+json within the time limit (1.5 s in the test
 * profile), the circuit opens and closes again by itself, and only GET is retried. File uploads
 * (POST to the upload paths) have a time limit of their own (60 s).
 */
class ResilienceIT extends GatewayITBase {

  private static final Duration LIMIT = Duration.ofMillis(1500);
  private static final Duration MARGIN = Duration.ofMillis(1500);

  private final String token = TestTokens.token("resilience", null, "INSPECTOR");

  /** A fresh user per call, for the polling loops (the test rate limit is 20 per minute). */
  private static String freshToken() {
    return TestTokens.token("poll-" + java.util.UUID.randomUUID(), null, "INSPECTOR");
  }

  @AfterEach
  void backendUp() {
    NOTIFICATION.start();
  }

  private static final Duration UPLOAD_LIMIT = Duration.ofSeconds(60);
  private static final String MULTIPART = "multipart/form-data; boundary=resilience";

  @Autowired TimeLimiterRegistry timeLimiters;
  @Autowired RetryProperties retry;

  @Test
  void instancesAreNamedAfterTheServicesAndConfiguredFromProperties() {
    for (String service :
        List.of("checklist-service", "evaluation-service", "notification-service")) {
      assertThat(timeLimiters.timeLimiter(service).getTimeLimiterConfig().getTimeoutDuration())
          .isEqualTo(LIMIT);
      assertThat(
              circuitBreakers
                  .circuitBreaker(service)
                  .getCircuitBreakerConfig()
                  .getMinimumNumberOfCalls())
          .isEqualTo(5);
    }
  }

  @Test
  void slowServiceTimesOutAtTheConfiguredLimitNotBefore() {
    NOTIFICATION.delay(Duration.ofSeconds(4));
    long started = System.nanoTime();
    assertThat(get("/api/notifications/inbox", token).statusCode()).isEqualTo(504);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(LIMIT);
  }

  @Test
  void tooManyConcurrentCallsToOneServiceAre503BusyNot500() {
    NOTIFICATION.delay(Duration.ofMillis(800));
    List<CompletableFuture<HttpResponse<String>>> calls =
        IntStream.range(0, 10)
            .mapToObj(
                i ->
                    http.sendAsync(
                        request(
                                "/api/notifications/inbox",
                                TestTokens.token("busy-" + i, null, "HR"))
                            .GET()
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
            .toList();
    List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503);
    List<HttpResponse<String>> refused =
        answers.stream().filter(r -> r.statusCode() == 503).toList();
    refused.forEach(r -> assertProblem(r, 503));
    // the bulkhead refuses the calls past its limit; a readiness check that meets the slow
    // service at the same moment may leave it out for one more call (service-unavailable)
    assertThat(refused).anyMatch(r -> r.body().contains("service-busy"));
    assertThat(refused)
        .allMatch(
            r -> r.body().contains("service-busy") || r.body().contains("service-unavailable"));
    assertThat(answers).anyMatch(r -> r.statusCode() == 200);
  }

  @Test
  void stoppedServiceIs503ProblemWithinTheLimit() {
    NOTIFICATION.stop();

    long started = System.nanoTime();
    HttpResponse<String> response = get("/api/notifications/inbox", token);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(response.statusCode()).isEqualTo(503);
    assertProblem(response, 503);
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    assertThat(took).isLessThan(LIMIT.plus(MARGIN));
  }

  @Test
  void slowServiceIs504ProblemWithinTheLimit() {
    NOTIFICATION.delay(Duration.ofSeconds(4));

    long started = System.nanoTime();
    HttpResponse<String> response = get("/api/notifications/inbox", token);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(response.statusCode()).isEqualTo(504);
    assertProblem(response, 504);
    assertThat(took).isLessThan(LIMIT.plus(MARGIN));
  }

  @Test
  void circuitOpensWhileServiceIsDownAndClosesWhenItReturns() {
    CircuitBreaker circuit = circuitBreakers.circuitBreaker("notification-service");
    NOTIFICATION.stop();

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              assertThat(get("/api/notifications/inbox", freshToken()).statusCode()).isEqualTo(503);
              assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            });
    int callsWhileOpen = NOTIFICATION.seen().size();
    assertThat(get("/api/notifications/inbox", token).statusCode()).isEqualTo(503);

    NOTIFICATION.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(get("/api/notifications/inbox", freshToken()).statusCode()).isEqualTo(200);
              assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            });
    assertThat(NOTIFICATION.seen().size()).isGreaterThan(callsWhileOpen);
  }

  @Test
  void uploadsHaveALongerTimeLimitOfTheirOwnOnTheUploadPathsOnly() {
    for (String instance : List.of("checklist-service-upload", "evaluation-service-upload")) {
      assertThat(timeLimiters.timeLimiter(instance).getTimeLimiterConfig().getTimeoutDuration())
          .isEqualTo(UPLOAD_LIMIT);
    }
    Duration slow = LIMIT.plusMillis(1000);
    CHECKLIST.delay(slow);
    EVALUATION.delay(slow);

    for (String path :
        List.of(
            "/api/items/i1/attachments",
            "/api/findings/f1/attachments",
            "/api/checklists/c1/items/import")) {
      long started = System.nanoTime();
      HttpResponse<String> upload = postFile(path);
      assertThat(upload.statusCode()).as(path).isEqualTo(200);
      assertThat(upload.body()).contains("\"service\":\"checklist-service\"");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(slow);
    }
    HttpResponse<String> cadres = postFile("/api/cadres/import");
    assertThat(cadres.statusCode()).isEqualTo(200);
    assertThat(cadres.body()).contains("\"service\":\"evaluation-service\"");
    assertThat(CHECKLIST.seen()).extracting(StubBackend.Seen::bodyLength).containsOnly(3);

    // the same paths read, and other POSTs, keep the service's limit
    assertThat(get("/api/items/i1/attachments", freshToken()).statusCode()).isEqualTo(504);
    HttpResponse<String> progress =
        send(
            request("/api/items/i1/progress", freshToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(progress.statusCode()).isEqualTo(504);
  }

  private HttpResponse<String> postFile(String path) {
    return send(
        request(path, freshToken())
            .header("Content-Type", MULTIPART)
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3]))
            .build());
  }

  @Test
  void getIsRetriedTheConfiguredTimesButNoOtherMethodIs() {
    int attempts = 1 + retry.retries();
    assertThat(attempts).isEqualTo(3);
    // a first call warms the route (keys, connections): the counted calls below must not meet a
    // cold start's time limit
    get("/api/notifications/inbox", freshToken());
    for (int status : List.of(502, 503, 504)) {
      NOTIFICATION.reset();
      NOTIFICATION.status(status);
      assertThat(get("/api/notifications/inbox", freshToken()).statusCode()).isEqualTo(status);
      assertThat(NOTIFICATION.seen())
          .as("GET answered %d", status)
          .hasSize(attempts)
          .extracting(StubBackend.Seen::method)
          .containsOnly("GET");
      for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
        NOTIFICATION.reset();
        NOTIFICATION.status(status);
        assertThat(send(unsafe(method)).statusCode()).isEqualTo(status);
        assertThat(NOTIFICATION.seen())
            .as("%s answered %d reaches the service once", method, status)
            .extracting(StubBackend.Seen::method)
            .containsExactly(method);
      }
    }
  }

  @Test
  void aPostTheServiceReadButNeverAnsweredIsNotSentAgainWhileAGetIs() {
    NOTIFICATION.hangUp();
    HttpResponse<String> get = get("/api/notifications/inbox", freshToken());
    assertThat(get.statusCode()).isBetween(500, 599);
    assertThat(NOTIFICATION.seen())
        .extracting(StubBackend.Seen::method)
        .containsExactly("GET", "GET", "GET");

    NOTIFICATION.reset();
    NOTIFICATION.hangUp();
    HttpResponse<String> post = send(unsafe("POST"));
    assertThat(post.statusCode()).isBetween(500, 599);
    assertProblem(post, post.statusCode());
    assertThat(NOTIFICATION.seen())
        .as("the service may have acted on it: it is not sent twice")
        .extracting(StubBackend.Seen::method, StubBackend.Seen::bodyLength)
        .containsExactly(tuple("POST", 2));
  }

  private HttpRequest unsafe(String method) {
    return request("/api/notifications/n1/read", freshToken())
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
        .build();
  }

  @Test
  void postToStoppedServiceIsNotRetriedAndAnswers503() {
    NOTIFICATION.stop();
    HttpResponse<String> post =
        send(
            request("/api/notifications/n1/read", token)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(post.statusCode()).isEqualTo(503);
    assertProblem(post, 503);
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"type\":\"urn:supervision:problem:")
        .contains("\"title\":")
        .contains("\"status\":" + status)
        .contains("\"detail\":");
  }
}
