package gov.supervision.gateway;

import static gov.supervision.gateway.ResilienceIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The door: bad tokens are 401, the coarse table is 403, HR file paths go on to the service (which
 * refuses and logs), security headers, closed actuators, open OpenAPI pages.
 */
class DoorIT extends GatewayITBase {

  static Stream<Arguments> badTokens() {
    return Stream.of(
        Arguments.of("no token", (Supplier<String>) () -> null),
        Arguments.of("expired", (Supplier<String>) () -> TestTokens.expired("eve", "ADMIN")),
        Arguments.of(
            "wrong issuer", (Supplier<String>) () -> TestTokens.wrongIssuer("eve", "ADMIN")),
        Arguments.of("tampered payload", (Supplier<String>) () -> TestTokens.tampered("eve")),
        Arguments.of("alg none", (Supplier<String>) () -> TestTokens.algNone("eve", "ADMIN")),
        Arguments.of(
            "another audience", (Supplier<String>) () -> TestTokens.otherAudience("eve", "ADMIN")),
        Arguments.of(
            "no audience", (Supplier<String>) () -> TestTokens.withoutAudience("eve", "ADMIN")),
        Arguments.of(
            "no expiry", (Supplier<String>) () -> TestTokens.withoutExpiry("eve", "ADMIN")),
        Arguments.of("wrong key", (Supplier<String>) () -> TestTokens.wrongKey("eve", "ADMIN")),
        Arguments.of("garbage", (Supplier<String>) () -> "not-a-jwt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void badTokenIs401ProblemAndNeverReachesAService(String name, Supplier<String> token) {
    HttpResponse<String> response = get("/api/checklists", token.get());

    assertThat(response.statusCode()).isEqualTo(401);
    assertProblem(response, 401);
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    assertThat(CHECKLIST.seen()).isEmpty();
  }

  @Test
  void accessLogIsForAuditorsOnlyAtTheDoor() {
    HttpResponse<String> refused =
        get("/api/access-log?cadreId=c1", TestTokens.token("door-1", null, "INSPECTOR", "HR"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertProblem(refused, 403);
    assertThat(EVALUATION.seen()).isEmpty();

    HttpResponse<String> allowed =
        get("/api/access-log?cadreId=c1", TestTokens.token("door-1", null, "AUDITOR"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(EVALUATION.seen()).hasSize(1);
  }

  @Test
  void rolesFromRealmAccessCountToo() {
    HttpResponse<String> allowed =
        get("/api/access-log", TestTokens.realmAccess("door-2", "AUDITOR"));
    assertThat(allowed.statusCode()).isEqualTo(200);
  }

  @Test
  void notificationRulesAreForAdminsOnlyAtTheDoor() {
    assertThat(
            get("/api/notification-rules", TestTokens.token("door-3", null, "INSPECTOR"))
                .statusCode())
        .isEqualTo(403);
    assertThat(NOTIFICATION.seen()).isEmpty();
    assertThat(
            get("/api/notification-rules", TestTokens.token("door-3", null, "ADMIN")).statusCode())
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"checklist-service", "evaluation-service", "notification-service"})
  void eachServicesDeadLettersAreForAdminsOnlyAtTheDoorAndReachThatService(String service) {
    String path = "/api/dead-letters/" + service + "/replay";
    assertThat(replay(path, TestTokens.token("door-5", null, "INSPECTOR")).statusCode())
        .isEqualTo(403);
    assertThat(SERVICES).allSatisfy(backend -> assertThat(backend.seen()).isEmpty());

    HttpResponse<String> allowed = replay(path, TestTokens.token("door-5", null, "ADMIN"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).contains("\"service\":\"" + service + "\"");
  }

  private HttpResponse<String> replay(String path, String token) {
    return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dossier", "promotion-eligibility", "award-eligibility"})
  void hrFilePathsGoOnToTheServiceSoItCanRefuseAndLogOtherRoles(String file) {
    String token = TestTokens.token("door-4", null, "INSPECTOR");
    HttpResponse<String> response = get("/api/cadres/c1/" + file + "?purpose=audit", token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(EVALUATION.seen()).hasSize(1);
    assertThat(EVALUATION.seen().get(0).header("Authorization")).isEqualTo("Bearer " + token);
  }

  @Test
  void securityHeadersOnProxiedAnswersAndOnErrors() {
    for (HttpResponse<String> response :
        new HttpResponse[] {
          get("/api/items/i1", TestTokens.token("door-5", null, "INSPECTOR")),
          get("/api/items/i1", null)
        }) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("Cache-Control"))
          .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
      assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
      assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/checklists/actuator/env",
        "/api/items/x/actuator/health",
        "/api/cadres/%61ctuator/env",
        "/api/notifications/ACTUATOR",
        "/api/checklists/../../actuator/env",
        "/api/checklists/..%2F..%2Factuator/env",
        "/actuator/env",
        "/actuator/gateway/routes",
      })
  void noServiceActuatorIsReachable(String path) {
    HttpResponse<String> response = get(path, TestTokens.token("door-6", null, "ADMIN"));

    assertThat(response.statusCode()).isIn(400, 404);
    SERVICES.forEach(service -> assertThat(service.seen()).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/checklists/../cadres/x", "/api/checklists/a%2F..%2Fb"})
  void nonNormalisedPathsAre400Problems(String path) {
    HttpResponse<String> response = get(path, TestTokens.token("door-8", null, "ADMIN"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertProblem(response, 400);
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    SERVICES.forEach(service -> assertThat(service.seen()).isEmpty());
  }

  @Test
  void ownActuatorHasOpenHealthAndPrometheusForAdminsOnly() {
    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"");

    assertProblem(get("/actuator/prometheus", null), 401);
    assertProblem(get("/actuator/prometheus", TestTokens.token("door-8", null, "INSPECTOR")), 403);
    HttpResponse<String> metrics =
        get("/actuator/prometheus", TestTokens.token("door-9", null, "ADMIN"));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");

    assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/info", TestTokens.token("door-7", null, "ADMIN")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void openApiDocsOfEachServiceAreOpenAtTheGateway() {
    for (StubBackend service : SERVICES) {
      service.serve(
          "/v3/api-docs",
          "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"x\"},"
              + "\"servers\":[{\"url\":\""
              + service.url()
              + "\"}]}");
    }
    for (String name :
        new String[] {"checklist-service", "evaluation-service", "notification-service"}) {
      HttpResponse<String> doc = get("/v3/api-docs/" + name, null);
      assertThat(doc.statusCode()).isEqualTo(200);
      assertThat(doc.body())
          .contains("\"openapi\"")
          .contains("\"servers\":[{\"url\":\"/\"")
          .contains("\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\"")
          .contains("\"authorizationUrl\":\"" + ISSUER.url() + "/oauth2/authorize\"")
          .doesNotContain(CHECKLIST.url())
          .doesNotContain(EVALUATION.url())
          .doesNotContain(NOTIFICATION.url());
    }
    SERVICES.forEach(service -> assertThat(service.seen().get(0).path()).isEqualTo("/v3/api-docs"));

    HttpResponse<String> config = get("/v3/api-docs/swagger-config", null);
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body())
        .contains("/v3/api-docs/checklist-service")
        .contains("/v3/api-docs/evaluation-service")
        .contains("/v3/api-docs/notification-service");

    assertThat(get("/swagger-ui.html", null).statusCode()).isIn(200, 302);
    assertThat(get("/webjars/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
  }

  /**
   * A request that arrives on a kept-alive connection while the previous answer is still finishing
   * is served, not left waiting until the caller gives up (reactor-netty 1.3.6 stalled about one
   * such request in a hundred here; see the gateway's pom).
   */
  @Test
  void everyRequestOnAKeptAliveConnectionIsServed() {
    for (int i = 0; i < 300; i++) {
      for (String path : new String[] {"/actuator/health", "/api/checklists"}) {
        HttpResponse<String> answer =
            send(request(path, null).timeout(java.time.Duration.ofSeconds(5)).GET().build());
        assertThat(answer.statusCode()).as(path + " #" + i).isIn(200, 401);
      }
    }
  }
}
