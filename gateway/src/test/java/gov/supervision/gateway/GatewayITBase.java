package gov.supervision.gateway;

import de.bwaldvogel.mongo.MongoServer;
import gov.supervision.testsupport.HelloAwareMemoryBackend;
import gov.supervision.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the gateway's ITs: the gateway on a random port in front of three stub
 * services and a stub JWKS endpoint, all on loopback, started once per test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class GatewayITBase {

  static final StubBackend ISSUER =
      new StubBackend("issuer").serve("/oauth2/jwks", TestTokens.jwks());
  static final StubBackend CHECKLIST = new StubBackend("checklist-service");
  static final StubBackend EVALUATION = new StubBackend("evaluation-service");
  static final StubBackend NOTIFICATION = new StubBackend("notification-service");
  static final List<StubBackend> SERVICES = List.of(CHECKLIST, EVALUATION, NOTIFICATION);

  /** The session store: a MongoDB wire-protocol server on loopback, for this test JVM. */
  static final MongoServer STORE = startStore();

  private static MongoServer startStore() {
    MongoServer server = new MongoServer(new HelloAwareMemoryBackend());
    server.bind("127.0.0.1", 0);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "gateway-it-store"));
    return server;
  }

  @DynamicPropertySource
  static void gatewayProperties(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> ISSUER.url() + "/oauth2/jwks");
    registry.add(
        "spring.mongodb.uri",
        () -> "mongodb://127.0.0.1:" + STORE.getLocalAddress().getPort() + "/gateway");
    String people = "spring.security.oauth2.client.";
    registry.add(people + "registration.console.provider", () -> "supervision");
    registry.add(people + "registration.console.client-id", () -> "console");
    registry.add(
        people + "registration.console.client-secret",
        () -> "test-console-secret-of-at-least-32-characters");
    registry.add(
        people + "registration.console.authorization-grant-type", () -> "authorization_code");
    registry.add(
        people + "registration.console.redirect-uri",
        () -> "{baseUrl}/login/oauth2/code/{registrationId}");
    registry.add(people + "registration.console.scope", () -> "openid");
    registry.add(
        people + "provider.supervision.authorization-uri",
        () -> ISSUER.url() + "/oauth2/authorize");
    registry.add(people + "provider.supervision.token-uri", () -> ISSUER.url() + "/oauth2/token");
    registry.add(people + "provider.supervision.jwk-set-uri", () -> ISSUER.url() + "/oauth2/jwks");
    registry.add(people + "provider.supervision.user-name-attribute", () -> "sub");
    registry.add("supervision.routes.checklist-service", CHECKLIST::url);
    registry.add("supervision.routes.evaluation-service", EVALUATION::url);
    registry.add("supervision.routes.notification-service", NOTIFICATION::url);
  }

  @LocalServerPort int port;

  @Autowired CircuitBreakerRegistry circuitBreakers;

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeEach
  void healthyStubs() {
    SERVICES.forEach(StubBackend::reset);
    circuitBreakers.getAllCircuitBreakers().forEach(cb -> cb.reset());
  }

  HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET().build());
  }
}
