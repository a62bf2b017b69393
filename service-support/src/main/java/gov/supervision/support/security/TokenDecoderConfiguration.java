package gov.supervision.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * One clear rule for where token keys come from: the JWKS URI when set, else a public key file,
 * else the issuer's discovery document (fetched lazily). Whichever it is, the issuer, the audience
 * and the expiry of every token are checked ({@link #validators}).
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
public class TokenDecoderConfiguration {

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) throws Exception {
    OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
    String issuer = jwt.getIssuerUri();
    if (jwt.getJwkSetUri() != null && !jwt.getJwkSetUri().isBlank()) {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
      decoder.setJwtValidator(validators(issuer, jwt.getAudiences()));
      return decoder;
    }
    if (jwt.getPublicKeyLocation() != null) {
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withPublicKey(readPublicKey(jwt.getPublicKeyLocation())).build();
      decoder.setJwtValidator(validators(issuer, jwt.getAudiences()));
      return decoder;
    }
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalStateException(
          "set spring.security.oauth2.resourceserver.jwt.jwk-set-uri or issuer-uri");
    }
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
          decoder.setJwtValidator(validators(issuer, jwt.getAudiences()));
          return decoder;
        });
  }

  /**
   * Every token must name the configured issuer, carry one of the configured audiences and end
   * ({@code exp}): a token without {@code exp} would be good forever. Leaving the issuer or the
   * audiences unset stops the start, so no service quietly accepts tokens meant for others.
   */
  static OAuth2TokenValidator<Jwt> validators(String issuer, List<String> audiences) {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalStateException(
          "set spring.security.oauth2.resourceserver.jwt.issuer-uri: every token's iss is checked");
    }
    if (audiences == null || audiences.stream().allMatch(a -> a == null || a.isBlank())) {
      throw new IllegalStateException(
          "set spring.security.oauth2.resourceserver.jwt.audiences: every token's aud is checked");
    }
    JwtTimestampValidator expiry = new JwtTimestampValidator();
    expiry.setAllowEmptyExpiryClaim(false);
    return new DelegatingOAuth2TokenValidator<>(
        expiry,
        new JwtIssuerValidator(issuer),
        new JwtClaimValidator<List<String>>(
            "aud", aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
  }

  private static RSAPublicKey readPublicKey(Resource location) throws Exception {
    try (InputStream in = location.getInputStream()) {
      String pem =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
              .replaceAll("-----[A-Z ]+-----", "")
              .replaceAll("\\s", "");
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read public key " + location, e);
    }
  }
}
