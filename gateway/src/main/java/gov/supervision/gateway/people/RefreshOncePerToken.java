package gov.supervision.gateway.people;

import gov.supervision.gateway.tracing.RequestLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import reactor.core.publisher.Mono;

/**
 * Each refresh token is exchanged once: the issuer rotates refresh tokens, so a second use of the
 * same one is {@code invalid_grant}, and Spring then drops the session's tokens (the person is
 * signed out in the middle of their work). Calls of one person arrive together (a page asks several
 * things at once, the inbox badge polls) and each reads the session as it was when it began; every
 * call finding the same refresh token due gets the one answer of the first, for {@link #REMEMBER}
 * after it was asked. Within one gateway instance.
 *
 * <p>The exchange is done here rather than by Spring's refresh provider because that one drops the
 * new ID token of the answer, and the issuer then refuses the sign-in's ID token as the hint of the
 * logout: the new one is kept ({@link PersonAuthorizedClient}). A refusal by the issuer is a {@link
 * ClientAuthorizationException}, so the manager drops the session's tokens (sign in again).
 */
final class RefreshOncePerToken implements ReactiveOAuth2AuthorizedClientProvider {

  private static final Logger log = LoggerFactory.getLogger(RefreshOncePerToken.class);

  /** How long an exchange is remembered for calls that read the session before it was saved. */
  static final Duration REMEMBER = Duration.ofMinutes(2);

  private record Exchange(Mono<OAuth2AuthorizedClient> answer, Instant at) {}

  private final ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> issuer;
  private final Duration clockSkew;
  private final Clock clock;
  private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();

  RefreshOncePerToken(
      ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> issuer,
      Duration clockSkew,
      Clock clock) {
    this.issuer = issuer;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  @Override
  public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
    OAuth2AuthorizedClient client = context.getAuthorizedClient();
    OAuth2RefreshToken refresh = client == null ? null : client.getRefreshToken();
    if (refresh == null || !due(client.getAccessToken())) {
      return Mono.empty();
    }
    Instant now = clock.instant();
    exchanges.values().removeIf(e -> e.at().plus(REMEMBER).isBefore(now));
    return exchanges
        .computeIfAbsent(
            refresh.getTokenValue(),
            token ->
                new Exchange(
                    // a failed exchange is not remembered: the next call may try again
                    exchange(client).doOnError(e -> exchanges.remove(token)).cache(), now))
        .answer();
  }

  private Mono<OAuth2AuthorizedClient> exchange(OAuth2AuthorizedClient client) {
    var registration = client.getClientRegistration();
    return issuer
        .getTokenResponse(
            new OAuth2RefreshTokenGrantRequest(
                registration, client.getAccessToken(), client.getRefreshToken()))
        .onErrorMap(
            OAuth2AuthorizationException.class,
            e ->
                new ClientAuthorizationException(e.getError(), registration.getRegistrationId(), e))
        .onErrorResume(
            ClientAuthorizationException.class,
            e ->
                RequestLog.writing(
                    ids -> {
                      log.warn(
                          "tokens of {} not refreshed: the issuer refused ({}); signs in again",
                          client.getPrincipalName(),
                          e.getError().getErrorCode());
                      return Mono.error(e);
                    }))
        .map(answer -> renewed(client, answer));
  }

  private static OAuth2AuthorizedClient renewed(
      OAuth2AuthorizedClient client, OAuth2AccessTokenResponse answer) {
    Object idToken = answer.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
    return new PersonAuthorizedClient(
        client.getClientRegistration(),
        client.getPrincipalName(),
        answer.getAccessToken(),
        // an issuer that does not rotate refresh tokens answers without one: keep the old
        answer.getRefreshToken() != null ? answer.getRefreshToken() : client.getRefreshToken(),
        idToken instanceof String value ? value : PersonAuthorizedClient.refreshedIdToken(client));
  }

  /** As Spring's refresh provider decides: expired, or within the clock skew of it. */
  private boolean due(OAuth2AccessToken token) {
    Instant expiresAt = token.getExpiresAt();
    return expiresAt != null && !clock.instant().isBefore(expiresAt.minus(clockSkew));
  }
}
