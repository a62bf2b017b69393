package gov.supervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.gateway.problem.ProblemErrorHandler;
import gov.supervision.gateway.tracing.RequestIdFilter;
import gov.supervision.gateway.tracing.RequestLog;
import gov.supervision.testsupport.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Two instances of checklist-service ({@code supervision.routes.checklist-service} with two URLs,
 * two real HTTP servers on loopback): calls are spread over both; when one is stopped (its port
 * refuses connections) GETs keep answering 200 from the other, a POST that went to the stopped one
 * is answered 503 and never sent again anywhere, and the stopped one is left out from its first
 * refusal; started again, it gets calls again (health check). Its own Spring context: the other ITs
 * keep one instance per service.
 */
class LoadBalancingIT extends GatewayITBase {

  static final StubBackend FIRST = new StubBackend("checklist-first");
  static final StubBackend SECOND = new StubBackend("checklist-second");

  static final String RETRY_LOGGER = "gov.supervision.gateway.balancing.OtherInstanceOnRetry";

  /**
   * A registrar bean, not a {@code @DynamicPropertySource}: it registers after the base class's
   * one-instance routes and so replaces them.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class TwoInstancesOfChecklistService {
    @Bean
    DynamicPropertyRegistrar twoInstances() {
      return registry ->
          registry.add(
              "supervision.routes.checklist-service", () -> FIRST.url() + "," + SECOND.url());
    }
  }

  @BeforeEach
  void bothInstancesServe() {
    FIRST.reset();
    SECOND.reset();
    awaitServedBy(SECOND);
    awaitServedBy(FIRST);
    FIRST.reset();
    SECOND.reset();
  }

  @Test
  void callsAreSpreadOverBothInstances() {
    List<String> servedBy = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> answer = get("/api/checklists?year=2026", freshToken());
      assertThat(answer.statusCode()).isEqualTo(200);
      servedBy.add(instanceOf(answer));
    }

    // round robin; the health check may reorder the two between calls
    assertThat(servedBy.stream().filter("checklist-first"::equals).count()).isBetween(3L, 7L);
    assertThat(servedBy.stream().filter("checklist-second"::equals).count()).isBetween(3L, 7L);
    assertThat(apiCalls(FIRST).size() + apiCalls(SECOND).size()).isEqualTo(10);
  }

  @Test
  void getsKeepAnsweringFromTheOtherInstanceWhenOneIsStoppedAndItComesBack() {
    SECOND.stop();

    // the first or the second of these goes to the stopped instance first and is retried
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> answer = get("/api/items/i" + i, freshToken());
      assertThat(answer.statusCode()).as("GET %d after the stop", i).isEqualTo(200);
      assertThat(instanceOf(answer)).isEqualTo("checklist-first");
    }
    assertThat(apiCalls(FIRST)).hasSize(6);

    SECOND.start();
    awaitServedBy(SECOND);
  }

  @Test
  void aPostThatWentToTheStoppedInstanceIsNotSentAgainAndTheInstanceIsLeftOut() {
    SECOND.stop();

    List<Integer> statuses = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<String> answered = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String requestId = "lb-post-" + i + "-" + UUID.randomUUID();
      HttpResponse<String> answer =
          send(
              request("/api/items/i1/progress", freshToken())
                  .header("X-Request-Id", requestId)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"progress\":\"half\"}"))
                  .build());
      statuses.add(answer.statusCode());
      if (answer.statusCode() == 503) {
        ResilienceIT.assertProblem(answer, 503);
        refused.add(requestId);
      } else {
        assertThat(instanceOf(answer)).isEqualTo("checklist-first");
        answered.add(requestId);
      }
    }

    // round robin sent at most two of the first POSTs to the stopped instance (a kept-alive
    // connection the stop closed, then a refused one): answered 503, sent nowhere else; none when
    // the readiness check (every 2 s) had already left it out while it was stopping
    assertThat(refused).hasSizeLessThanOrEqualTo(2);
    assertThat(apiCalls(FIRST))
        .extracting(seen -> seen.header("X-Request-Id"))
        .containsExactlyElementsOf(answered);
    // from its refusal on, the stopped instance gets no calls
    assertThat(statuses.subList(3, 6)).containsOnly(200);

    SECOND.start();
    awaitServedBy(SECOND);
  }

  @Test
  void linesWrittenWhileAGetIsRetriedCarryItsRequestAndTraceIds() {
    Map<String, String> traces = new HashMap<>();
    try (LogLines logged = loggedForRequests()) {
      SECOND.stop();
      for (int i = 0; i < 4; i++) {
        HttpResponse<String> answer =
            send(traced(request("/api/items/i" + i, freshToken()), "lb-get-" + i, traces).build());
        assertThat(answer.statusCode()).isEqualTo(200);
      }

      // the GET that went to the stopped instance was retried on the other
      assertThat(logged.of(RETRY_LOGGER)).isNotEmpty();
      assertEachCarriesTheIdsOfItsRequest(logged, traces);
    } finally {
      SECOND.start();
    }
    awaitServedBy(SECOND);
  }

  @Test
  void linesWrittenWhenAPostFindsItsInstanceGoneCarryItsRequestAndTraceIds() {
    Map<String, String> traces = new HashMap<>();
    try (LogLines logged = loggedForRequests()) {
      SECOND.stop();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(
            send(traced(request("/api/items/i1/progress", freshToken()), "lb-post-" + i, traces)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"progress\":\"half\"}"))
                    .build())
                .statusCode());
      }

      assertThat(statuses).contains(503);
      // the 503's line, and the refusal's when the connection was refused (not reset)
      assertThat(logged.of(ProblemErrorHandler.class.getName())).isNotEmpty();
      assertEachCarriesTheIdsOfItsRequest(logged, traces);
    } finally {
      SECOND.start();
    }
    awaitServedBy(SECOND);
  }

  /** What the gateway writes for a request: its access line and the lines of what went wrong. */
  private static LogLines loggedForRequests() {
    return LogLines.named(
        "gateway.access",
        RETRY_LOGGER,
        "gov.supervision.gateway.balancing.RefusedInstances",
        ProblemErrorHandler.class.getName());
  }

  /** A request with an id and a trace of its own (kept in {@code traces}: id -> trace id). */
  private static HttpRequest.Builder traced(
      HttpRequest.Builder request, String name, Map<String, String> traces) {
    String requestId = name + "-" + UUID.randomUUID();
    String traceId = UUID.randomUUID().toString().replace("-", "");
    traces.put(requestId, traceId);
    return request
        .header("X-Request-Id", requestId)
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
  }

  private static void assertEachCarriesTheIdsOfItsRequest(
      LogLines logged, Map<String, String> traces) {
    assertThat(logged.lines())
        .allSatisfy(
            line -> {
              Map<String, String> mdc = line.getMDCPropertyMap();
              assertThat(traces)
                  .as("request id of \"%s\"", line.getFormattedMessage())
                  .containsKey(mdc.get(RequestIdFilter.KEY));
              assertThat(mdc.get(RequestLog.TRACE_ID))
                  .as("trace id of \"%s\"", line.getFormattedMessage())
                  .isEqualTo(traces.get(mdc.get(RequestIdFilter.KEY)));
            });
  }

  private void awaitServedBy(StubBackend instance) {
    String name = instance == FIRST ? "checklist-first" : "checklist-second";
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              HttpResponse<String> answer = get("/api/checklists", freshToken());
              assertThat(answer.statusCode()).isEqualTo(200);
              assertThat(instanceOf(answer)).isEqualTo(name);
            });
  }

  private static List<StubBackend.Seen> apiCalls(StubBackend instance) {
    return instance.seen().stream().filter(seen -> seen.path().startsWith("/api/")).toList();
  }

  private static String instanceOf(HttpResponse<String> answer) {
    return answer.body().contains("\"service\":\"checklist-first\"")
        ? "checklist-first"
        : answer.body().contains("\"service\":\"checklist-second\"") ? "checklist-second" : "?";
  }

  /** A new user per call: the test profile allows 20 calls per user and minute. */
  private static String freshToken() {
    return TestTokens.token("lb-" + UUID.randomUUID(), null, "INSPECTOR");
  }
}
