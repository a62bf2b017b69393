package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Two more gateway processes beside the suite's own, on the same session store, issuer and
 * services: a person's session is good on every instance and survives a restart of the one it was
 * made on; an idle session ends; requests without a caller from one address are limited; tokens
 * naming unknown keys do not make the gateway fetch the issuer's keys again and again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayInstancesIT {

  private static final Pattern JWKS_FETCHES =
      Pattern.compile("(?m)^supervision_gateway_jwks_fetches_total(?:\\{[^}]*})? ([0-9.E+]+)$");

  /** An instance with the suite's usual settings. */
  private static final String SECOND = "gateway-second";

  /** An instance with a short idle timeout and a low per-address limit. */
  private static final String STRICT = "gateway-strict";

  private static final int ANONYMOUS_LIMIT = 15;

  private final Suite suite = Suite.get();
  private static String second;
  private static String strict;

  @BeforeAll
  static void startInstances() {
    Suite suite = Suite.get();
    int secondPort = Suite.EXTRA_GATEWAY_PORTS.get(0);
    int strictPort = Suite.EXTRA_GATEWAY_PORTS.get(1);
    suite.stack.startGatewayInstance(SECOND, secondPort, List.of());
    suite.stack.startGatewayInstance(
        STRICT,
        strictPort,
        List.of(
            "--supervision.session.idle-timeout=4s",
            "--supervision.limits.anonymous.limit-for-period=" + ANONYMOUS_LIMIT,
            "--supervision.limits.anonymous.refresh-period=1m"));
    second = "http://localhost:" + secondPort;
    strict = "http://localhost:" + strictPort;
  }

  @AfterAll
  static void stopInstances() {
    Suite suite = Suite.get();
    suite.stack.stopPart(SECOND);
    suite.stack.stopPart(STRICT);
  }

  @Test
  @Order(1)
  void aSessionMadeOnOneInstanceWorksOnAnotherAndAfterARestartOfTheFirst() {
    Person lead = new Person();
    lead.signIn(second + "/inbox", "lead-fgw");
    assertThat(meId(lead, second)).isEqualTo("lead-fgw");

    assertThat(meId(lead, suite.stack.gatewayUrl()))
        .as("the suite's own gateway reads the session from the shared store")
        .isEqualTo("lead-fgw");
    HttpResponse<String> relayed =
        lead.get(suite.stack.gatewayUrl() + "/api/notifications/inbox?size=1");
    assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(200);

    suite.stack.stopPart(SECOND);
    suite.stack.restartPart(SECOND);

    assertThat(meId(lead, second)).as("still signed in after the restart").isEqualTo("lead-fgw");
    HttpResponse<String> unsafe =
        lead.call("POST", second + "/api/notifications/read-all", null, /* csrfHeader */ true);
    assertThat(unsafe.statusCode()).as(unsafe.body()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void tokensNamingUnknownKeysFetchTheIssuersKeysAtMostOncePerCoolDown() {
    Suite.Answer known =
        suite.send(
            HttpRequest.newBuilder(URI.create(second + "/api/notifications/inbox?size=1"))
                .header("Authorization", "Bearer " + suite.token("inspector"))
                .build());
    assertThat(known.status()).as("a real token, so the keys are fetched once").isEqualTo(200);
    double before = jwksFetches(second);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statuses.add(
          suite
              .send(
                  HttpRequest.newBuilder(URI.create(second + "/api/items"))
                      .header("Authorization", "Bearer " + tokenWithUnknownKey())
                      .build())
              .status());
    }

    assertThat(statuses).containsOnly(401);
    assertThat(jwksFetches(second) - before)
        .as("40 unknown kids within the 30 s cool-down: one refetch at most")
        .isLessThanOrEqualTo(1.0);
  }

  @Test
  @Order(3)
  void anIdleSessionEndsAndTheApiThenAnswers401() throws InterruptedException {
    Person inspector = new Person();
    inspector.signIn(strict + "/", "inspector");
    assertThat(meId(inspector, strict)).isEqualTo("inspector");

    Thread.sleep(Duration.ofSeconds(6).toMillis());
    HttpResponse<String> afterIdle = inspector.get(strict + "/api/me");

    assertThat(afterIdle.statusCode()).isEqualTo(401);
    assertThat(afterIdle.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(afterIdle.body()).contains("登录已过期");
  }

  @Test
  @Order(4)
  void requestsWithoutACallerBeyondThePerAddressLimitGet429() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < ANONYMOUS_LIMIT * 2; i++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(strict + "/api/items"));
      if (i % 2 == 1) {
        request.header("Authorization", "Bearer " + tokenWithUnknownKey());
      }
      statuses.add(suite.send(request.build()).status());
    }

    assertThat(statuses.subList(0, ANONYMOUS_LIMIT - 5))
        .as("first ones: no caller")
        .containsOnly(401);
    assertThat(statuses.subList(ANONYMOUS_LIMIT + 1, statuses.size()))
        .as("beyond the limit")
        .containsOnly(429);
    Suite.Answer limited =
        suite.send(HttpRequest.newBuilder(URI.create(strict + "/api/items")).build());
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    assertThat(limited.header("Retry-After")).isNotBlank();
    Suite.Answer signedToken =
        suite.send(
            HttpRequest.newBuilder(URI.create(strict + "/api/notifications/inbox?size=1"))
                .header("Authorization", "Bearer " + suite.token("inspector"))
                .build());
    assertThat(signedToken.status())
        .as("a caller with a valid token is not held by the anonymous limit")
        .isEqualTo(200);
  }

  static String meId(Person person, String gateway) {
    HttpResponse<String> me = person.get(gateway + "/api/me");
    assertThat(me.statusCode()).as(gateway + "/api/me: " + me.body()).isEqualTo(200);
    JsonNode json = Suite.JSON.readTree(me.body());
    return json.get("id").asString();
  }

  /** The gateway's count of JWK set fetches, from its Prometheus page. */
  private double jwksFetches(String gateway) {
    Suite.Answer metrics =
        suite.send(
            HttpRequest.newBuilder(URI.create(gateway + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + suite.token("admin"))
                .build());
    assertThat(metrics.status()).isEqualTo(200);
    Matcher matcher = JWKS_FETCHES.matcher(metrics.body());
    assertThat(matcher.find()).as("jwks fetch counter on " + gateway).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  /** A well-formed RS256 token naming a key the issuer never had (its signature is noise). */
  private String tokenWithUnknownKey() {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + UUID.randomUUID() + "\"}";
    long now = System.currentTimeMillis() / 1000;
    String claims =
        "{\"iss\":\""
            + suite.stack.issuerUri()
            + "\",\"sub\":\"inspector\",\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 300)
            + ",\"roles\":[\"INSPECTOR\"]}";
    byte[] signature = new byte[256];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(signature);
    return url.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + url.encodeToString(signature);
  }
}
