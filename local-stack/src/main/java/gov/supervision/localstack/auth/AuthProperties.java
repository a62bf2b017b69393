package gov.supervision.localstack.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local OAuth2 issuer.
 *
 * @param issuer the {@code iss} of every token, e.g. {@code http://localhost:9000}
 * @param keyDir where the RSA signing key is kept
 * @param tokenLifetime how long an access token is valid
 * @param audience the {@code aud} of every access token
 * @param console the gateway as the people's OAuth2 client ({@code console})
 * @param loginAttempts how many wrong passwords one username from one address may send before it
 *     has to wait (five times as many for all usernames from one address)
 */
@ConfigurationProperties("localstack.auth")
public record AuthProperties(
    String issuer,
    Path keyDir,
    Duration tokenLifetime,
    List<String> audience,
    @DefaultValue Console console,
    @DefaultValue LoginAttempts loginAttempts) {

  /**
   * The confidential client {@code console} (the gateway, authorization code with PKCE) and the
   * public client {@code swagger-ui} of the gateway's API pages.
   *
   * @param secret the console client's secret (demo only)
   * @param gatewayUrls every gateway origin people sign in through, e.g. {@code
   *     http://localhost:8080}: each gets its redirect and post-logout URIs registered
   * @param accessTokenLifetime how long a person's access token is valid
   * @param refreshTokenLifetime how long a person's refresh token is valid
   */
  public record Console(
      @DefaultValue("console-secret") String secret,
      @DefaultValue("http://localhost:8080") List<String> gatewayUrls,
      @DefaultValue("5m") Duration accessTokenLifetime,
      @DefaultValue("8h") Duration refreshTokenLifetime) {}

  /**
   * @param max wrong passwords from one address within {@code window} before sign-in pauses
   * @param window how far back failures count, and how long the pause lasts
   */
  public record LoginAttempts(@DefaultValue("10") int max, @DefaultValue("15m") Duration window) {}
}
