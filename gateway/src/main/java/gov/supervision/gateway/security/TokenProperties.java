package gov.supervision.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token checks beyond signature, expiry and issuer ({@code supervision.security}): {@code audience}
 * when set must be among the token's {@code aud}; off by default.
 */
@ConfigurationProperties("supervision.security")
public record TokenProperties(String audience) {}
