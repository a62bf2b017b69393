package gov.supervision.localstack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.DemoIdentity;
import gov.supervision.localstack.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

class AuthServerIT {

  @TempDir static Path keyDir;

  static ConfigurableApplicationContext context;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    int port = Ports.free();
    base = "http://localhost:" + port;
    context =
        AuthServer.application()
            .run(
                "--server.port=" + port,
                "--localstack.auth.issuer=" + base,
                "--localstack.auth.key-dir=" + keyDir);
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void issuesAUnitLeadTokenWithRolesAndUnitClaims() throws Exception {
    HttpResponse<String> response = token(DemoIdentity.of("lead-fgw"));
    assertThat(response.statusCode()).isEqualTo(200);
    Map<?, ?> body = JsonMapper.builder().build().readValue(response.body(), Map.class);
    assertThat(body.get("expires_in")).isIn(3599, 3600);

    Jwt jwt =
        NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks")
            .build()
            .decode((String) body.get("access_token"));
    assertThat(jwt.getSubject()).isEqualTo("lead-fgw");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("UNIT_LEAD");
    assertThat(jwt.getClaimAsString("unit")).isEqualTo("FGW");
    assertThat(jwt.getAudience()).containsExactly("supervision");
    assertThat(jwt.getIssuer()).hasToString(base);
    assertThat(keyDir.resolve(SigningKeyStore.FILE_NAME)).exists();
  }

  @Test
  void inspectorHasNoUnitClaim() throws Exception {
    HttpResponse<String> response = token(DemoIdentity.of("inspector"));
    String payload = payload(response.body());
    assertThat(payload).contains("\"roles\":[\"INSPECTOR\"]").doesNotContain("\"unit\"");
  }

  /** Every identity of the one list, with its secret, roles, unit and name from it. */
  @ParameterizedTest
  @FieldSource("gov.supervision.contracts.DemoIdentity#ALL")
  void everyDemoIdentityGetsItsClaimsFromTheList(DemoIdentity demo) throws Exception {
    HttpResponse<String> response = token(demo);
    assertThat(response.statusCode()).as(demo.id()).isEqualTo(200);
    Jwt jwt =
        NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks")
            .build()
            .decode(
                (String)
                    JsonMapper.builder()
                        .build()
                        .readValue(response.body(), Map.class)
                        .get("access_token"));
    assertThat(jwt.getSubject()).isEqualTo(demo.id());
    assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(demo.roles());
    assertThat(jwt.getClaimAsString("unit")).isEqualTo(demo.unit());
    assertThat(jwt.getClaimAsString("name")).isEqualTo(demo.name());
    assertThat(token(demo.id(), demo.secret() + "x").statusCode()).isEqualTo(401);
  }

  @Test
  void wrongSecretIsRejectedWith401() throws Exception {
    assertThat(token("lead-fgw", "wrong").statusCode()).isEqualTo(401);
    assertThat(token("nobody", "nobody-secret").statusCode()).isEqualTo(401);
  }

  @Test
  void publishesDiscoveryWithTheIssuer() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"issuer\":\"" + base + "\"").contains("/oauth2/jwks");
  }

  private static HttpResponse<String> token(DemoIdentity demo) throws Exception {
    return token(demo.id(), demo.secret());
  }

  private static HttpResponse<String> token(String client, String secret) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String payload(String tokenResponse) {
    String jwt = tokenResponse.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }
}
