package gov.supervision.localstack.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the local OAuth2 issuer.
 *
 * @param issuer the {@code iss} of every token, e.g. {@code http://localhost:9000}
 * @param keyDir where the RSA signing key is kept
 * @param tokenLifetime how long an access token is valid
 * @param audience the {@code aud} of every token
 */
@ConfigurationProperties("localstack.auth")
public record AuthProperties(
    String issuer, Path keyDir, Duration tokenLifetime, List<String> audience) {}
