package gov.supervision.gateway.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The token decoder: keys from {@code jwk-set-uri} (or found lazily from {@code issuer-uri}), RS256
 * signatures only (so {@code alg: none} and forged HMAC tokens fail); every token must carry {@code
 * exp}, the configured issuer and the audience {@code supervision.security.audience} ({@link
 * #validator}). Verified tokens are remembered (see {@link VerifiedTokenCache}) unless {@code
 * supervision.security.token-cache.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
public class JwtDecoderConfig {

  @Bean
  public ReactiveJwtDecoder jwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
      TokenProperties token,
      ObjectProvider<MeterRegistry> meters) {
    NimbusReactiveJwtDecoder decoder;
    if (StringUtils.hasText(jwkSetUri)) {
      decoder =
          NimbusReactiveJwtDecoder.withJwkSource(
                  keys(
                      jwkSetUri,
                      token.jwksCoolDown(),
                      meters.getIfAvailable(SimpleMeterRegistry::new)))
              .jwsAlgorithm(SignatureAlgorithm.RS256)
              .build();
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

  /**
   * The issuer's keys: fetched once and cached; a token naming a key that is not there refetches
   * the set at most once per {@code coolDown} (Nimbus's rate-limited source), so tokens with random
   * {@code kid}s cannot make the gateway call the issuer each time. A refused refetch means "no
   * such key" (401); an unreachable issuer is a {@link JwtException} (503 at the door). Every fetch
   * counts in {@code supervision.gateway.jwks.fetches}.
   */
  static Function<SignedJWT, Flux<JWK>> keys(
      String jwkSetUri, Duration coolDown, MeterRegistry meters) {
    Counter fetches =
        Counter.builder("supervision.gateway.jwks.fetches")
            .description("fetches of the issuer's JWK set")
            .register(meters);
    DefaultResourceRetriever http =
        new DefaultResourceRetriever(
            JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT,
            JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT,
            JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
    ResourceRetriever counted =
        url -> {
          fetches.increment();
          return http.retrieveResource(url);
        };
    JWKSource<SecurityContext> source;
    try {
      source =
          JWKSourceBuilder.<SecurityContext>create(URI.create(jwkSetUri).toURL(), counted)
              .cache(Duration.ofMinutes(5).toMillis(), Duration.ofSeconds(15).toMillis())
              .refreshAheadCache(false)
              .rateLimited(coolDown.toMillis())
              .retrying(false)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("jwk-set-uri is not a URL: " + jwkSetUri, e);
    }
    return jwt ->
        Mono.fromCallable(
                () -> source.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null))
            .subscribeOn(Schedulers.boundedElastic())
            .onErrorResume(RateLimitReachedException.class, e -> Mono.just(List.of()))
            .onErrorMap(
                KeySourceException.class,
                e -> new JwtException("the issuer's keys cannot be fetched: " + e.getMessage(), e))
            .flatMapMany(Flux::fromIterable);
  }

  /**
   * Every token must name the configured issuer ({@code iss}), carry the configured audience among
   * its {@code aud} and end ({@code exp}, within the default clock skew); a token without {@code
   * exp} would be good forever. An issuer or audience left unset is a configuration error, never a
   * silent "anything goes".
   */
  static OAuth2TokenValidator<Jwt> validator(String issuerUri, String audience) {
    if (!StringUtils.hasText(issuerUri)) {
      throw new IllegalStateException(
          "set spring.security.oauth2.resourceserver.jwt.issuer-uri: every token's iss is checked");
    }
    if (!StringUtils.hasText(audience)) {
      throw new IllegalStateException(
          "set supervision.security.audience: every token's aud is checked");
    }
    JwtTimestampValidator expiry = new JwtTimestampValidator();
    expiry.setAllowEmptyExpiryClaim(false);
    return JwtValidators.createDefaultWithValidators(
        List.of(new JwtIssuerValidator(issuerUri), new JwtAudienceValidator(audience), expiry));
  }
}
