package gov.supervision.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import gov.supervision.support.testapp.SupportTestApplication;
import gov.supervision.testsupport.SuiteIT;
import gov.supervision.testsupport.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The services' decoder when its keys come from a JWK Set URI (as in docker-compose and Kubernetes,
 * where no discovery document is read): the issuer, the audience and the expiry are still checked,
 * so a token of another issuer, for another audience or without {@code exp} is 401 even though its
 * signature verifies with a key of the set.
 */
@SpringBootTest(
    classes = SupportTestApplication.class,
    properties = "spring.security.oauth2.resourceserver.jwt.audiences=supervision",
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwkSetUriTokensIT extends SuiteIT {

  private static final AtomicInteger JWKS_READS = new AtomicInteger();
  private static final HttpServer JWKS = serveJwks();

  @DynamicPropertySource
  static void jwkSetUri(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
  }

  @AfterAll
  static void stopJwks() {
    JWKS.stop(0);
  }

  @LocalServerPort int port;

  static Stream<Arguments> refused() {
    Map<String, String> tokens =
        new LinkedHashMap<>(TestTokens.notForThisSuite("inspector", "INSPECTOR"));
    tokens.put("a key not in the set", TestTokens.wrongKey("inspector", "INSPECTOR"));
    return tokens.entrySet().stream().map(bad -> Arguments.of(bad.getKey(), bad.getValue()));
  }

  @Test
  void aGoodTokenIsTakenWithTheKeyOfTheSet() {
    ResponseEntity<String> created = post(TestTokens.inspector());
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(JWKS_READS.get()).as("the key came from the JWK Set URI").isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aTokenOfAnotherIssuerOrAudienceOrWithoutExpiryIs401(String what, String token) {
    ResponseEntity<String> refused = post(token);
    ServiceSupportWebIT.assertProblem(refused, HttpStatus.UNAUTHORIZED);
    assertThat(JWKS_READS.get()).as("the key came from the JWK Set URI").isPositive();
  }

  private ResponseEntity<String> post(String token) {
    return RestClient.builder()
        .baseUrl("http://127.0.0.1:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build()
        .post()
        .uri("/api/widgets")
        .contentType(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + token)
        .body("{\"name\":\"jwks\",\"unit\":\"FGW\",\"size\":2}")
        .retrieve()
        .toEntity(String.class);
  }

  private static HttpServer serveJwks() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] body = TestTokens.jwks().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/jwks",
          exchange -> {
            JWKS_READS.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
