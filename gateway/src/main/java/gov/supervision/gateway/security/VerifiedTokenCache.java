package gov.supervision.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A decoder that remembers the exact token strings it has verified (signature included), for at
 * most the configured time; a remembered token is validated again (expiry, not-before, issuer,
 * audience) on every use, so an expired one is refused as before. A changed byte is another key,
 * verified in full.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Cache<String, Jwt> verified;

  VerifiedTokenCache(
      ReactiveJwtDecoder delegate,
      OAuth2TokenValidator<Jwt> validator,
      TokenProperties.TokenCache settings) {
    this.delegate = delegate;
    this.validator = validator;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(settings.maxSize())
            .expireAfterWrite(settings.ttl())
            .build();
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = verified.getIfPresent(token);
    if (known == null) {
      return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
    OAuth2TokenValidatorResult result = validator.validate(known);
    if (!result.hasErrors()) {
      return Mono.just(known);
    }
    verified.invalidate(token);
    return Mono.error(
        new JwtValidationException(
            result.getErrors().iterator().next().getDescription(), result.getErrors()));
  }
}
