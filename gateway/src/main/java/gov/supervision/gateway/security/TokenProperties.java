package gov.supervision.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token checks beyond signature, expiry and issuer ({@code supervision.security}): {@code audience}
 * must be among every token's {@code aud} (required; {@code supervision}); {@code token-cache}
 * remembers tokens whose signature was verified, so a client reusing its token does not cost an RSA
 * check on every call (expiry, issuer and audience are still checked on every use); {@code
 * jwks-cool-down} is the least time between two fetches of the issuer's keys for a token naming an
 * unknown key.
 */
@ConfigurationProperties("supervision.security")
public record TokenProperties(
    String audience,
    @DefaultValue TokenCache tokenCache,
    @DefaultValue("30s") Duration jwksCoolDown) {

  /** At most {@code max-size} verified tokens, each kept at most {@code ttl}. */
  public record TokenCache(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("5000") long maxSize,
      @DefaultValue("5m") Duration ttl) {}
}
