package gov.supervision.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtDecoderConfigTest {

  private static Jwt jwt(String issuer, List<String> audience) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuer(issuer)
        .audience(audience)
        .subject("someone")
        .issuedAt(Instant.now().minusSeconds(60))
        .expiresAt(Instant.now().plusSeconds(600))
        .build();
  }

  @Test
  void aTokenWithoutTheAudienceIsRefused() {
    OAuth2TokenValidator<Jwt> validator =
        JwtDecoderConfig.validator("http://localhost:9000", "supervision");
    assertThat(validator.validate(jwt("http://localhost:9000", List.of("other"))).hasErrors())
        .isTrue();
    assertThat(validator.validate(jwt("http://localhost:9000", List.of())).hasErrors()).isTrue();
    assertThat(
            validator
                .validate(jwt("http://localhost:9000", List.of("other", "supervision")))
                .hasErrors())
        .isFalse();
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    OAuth2TokenValidator<Jwt> validator =
        JwtDecoderConfig.validator("http://localhost:9000", "supervision");
    assertThat(validator.validate(jwt("http://localhost:9999", List.of("supervision"))).hasErrors())
        .isTrue();
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    Jwt forever =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .issuer("http://localhost:9000")
            .audience(List.of("supervision"))
            .subject("someone")
            .issuedAt(Instant.now().minusSeconds(60))
            .build();
    assertThat(
            JwtDecoderConfig.validator("http://localhost:9000", "supervision")
                .validate(forever)
                .hasErrors())
        .isTrue();
  }

  @Test
  void anUnsetIssuerOrAudienceStopsTheStart() {
    assertThatThrownBy(() -> JwtDecoderConfig.validator("", "supervision"))
        .hasMessageContaining("issuer-uri");
    assertThatThrownBy(() -> JwtDecoderConfig.validator("http://localhost:9000", " "))
        .hasMessageContaining("supervision.security.audience");
  }

  @Test
  void rolesComeFromRolesOrRealmAccess() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("kc-user")
            .claim("preferred_username", "hr")
            .claim("realm_access", Map.of("roles", List.of("HR", "offline_access")))
            .claim("roles", List.of("AUDITOR"))
            .build();
    var auth = new RolesConverter("preferred_username").convert(jwt);
    assertThat(auth.getName()).isEqualTo("hr");
    assertThat(auth.getAuthorities())
        .extracting(Object::toString)
        .contains("ROLE_HR", "ROLE_AUDITOR", "ROLE_offline_access");
  }
}
