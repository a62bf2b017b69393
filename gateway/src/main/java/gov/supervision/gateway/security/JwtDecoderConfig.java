package gov.supervision.gateway.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The token decoder: keys from {@code jwk-set-uri} (or found lazily from {@code issuer-uri}), RS256
 * signatures only (so {@code alg: none} and forged HMAC tokens fail), expiry, the issuer when
 * configured, and the audience when {@code supervision.security.audience} is set. Verified tokens
 * are remembered (see {@link VerifiedTokenCache}) unless {@code
 * supervision.security.token-cache.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
public class JwtDecoderConfig {

  @Bean
  public ReactiveJwtDecoder jwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
      TokenProperties token) {
    NimbusReactiveJwtDecoder decoder;
    if (StringUtils.hasText(jwkSetUri)) {
      decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
    } else if (StringUtils.hasText(issuerUri)) {
      decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuerUri).build();
    } else {
      throw new IllegalStateException(
          "set spring.security.oauth2.resourceserver.jwt.jwk-set-uri and/or issuer-uri");
    }
    OAuth2TokenValidator<Jwt> validator = validator(issuerUri, token.audience());
    decoder.setJwtValidator(validator);
    if (token.tokenCache() != null && token.tokenCache().enabled()) {
      return new VerifiedTokenCache(decoder, validator, token.tokenCache());
    }
    return decoder;
  }

  static OAuth2TokenValidator<Jwt> validator(String issuerUri, String audience) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(
        StringUtils.hasText(issuerUri)
            ? JwtValidators.createDefaultWithIssuer(issuerUri)
            : JwtValidators.createDefault());
    if (StringUtils.hasText(audience)) {
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }
}
