package gov.supervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.gateway.security.JwtDecoderConfig;
import gov.supervision.gateway.security.TokenProperties;
import gov.supervision.testsupport.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * With only {@code issuer-uri} (as with Keycloak in compose) the keys are found through the
 * issuer's discovery document, lazily, and the issuer is checked.
 */
class IssuerDiscoveryTest {

  private static final StubBackend ISSUER = new StubBackend("issuer");

  static {
    ISSUER
        .serve(
            "/.well-known/openid-configuration",
            "{\"issuer\":\""
                + ISSUER.url()
                + "\",\"jwks_uri\":\""
                + ISSUER.url()
                + "/keys\",\"subject_types_supported\":[\"public\"]}")
        .serve("/keys", TestTokens.jwks());
  }

  @AfterAll
  static void stop() {
    ISSUER.stop();
  }

  @Test
  void issuerUriAloneIsEnough() {
    ReactiveJwtDecoder decoder =
        new JwtDecoderConfig()
            .jwtDecoder(
                "",
                ISSUER.url(),
                new TokenProperties(
                    "supervision",
                    new TokenProperties.TokenCache(true, 10, java.time.Duration.ofMinutes(5)),
                    java.time.Duration.ofSeconds(30)),
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                    .getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));

    Jwt jwt =
        decoder
            .decode(TestTokens.issuedBy(ISSUER.url(), "kc-user", "HR"))
            .block(Duration.ofSeconds(10));

    assertThat(jwt.getSubject()).isEqualTo("kc-user");
    assertThatThrownBy(
            () ->
                decoder
                    .decode(TestTokens.issuedBy("http://elsewhere", "kc-user", "HR"))
                    .block(Duration.ofSeconds(10)))
        .isInstanceOf(JwtException.class);
  }
}
