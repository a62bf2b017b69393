package gov.supervision.gateway.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.gateway.LogLines;
import gov.supervision.gateway.tracing.RequestIdFilter;
import gov.supervision.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

class RefreshOncePerTokenTest {

  static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  static final Duration SKEW = Duration.ofSeconds(2);
  static final ClientRegistration CONSOLE =
      ClientRegistration.withRegistrationId("console")
          .clientId("console")
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
          .authorizationUri("http://issuer/oauth2/authorize")
          .tokenUri("http://issuer/oauth2/token")
          .build();

  final AtomicInteger exchanged = new AtomicInteger();

  /** The issuer: each refresh answers new access and refresh tokens and a new ID token. */
  final ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> issuer =
      request -> {
        int n = exchanged.incrementAndGet();
        return Mono.delay(Duration.ofMillis(50))
            .map(
                i ->
                    OAuth2AccessTokenResponse.withToken("access-" + n)
                        .tokenType(OAuth2AccessToken.TokenType.BEARER)
                        .expiresIn(300)
                        .refreshToken("refresh-" + n)
                        .additionalParameters(Map.of("id_token", "id-" + n))
                        .build());
      };

  final MutableClock clock = MutableClock.stoppedAt(NOW, ZoneOffset.UTC);
  final RefreshOncePerToken provider = new RefreshOncePerToken(issuer, SKEW, clock);

  /** One whose issuer refuses every refresh (the refresh token ended or was revoked). */
  final RefreshOncePerToken refusing =
      new RefreshOncePerToken(
          request -> Mono.error(new OAuth2AuthorizationException(new OAuth2Error("invalid_grant"))),
          SKEW,
          clock);

  static OAuth2AuthorizedClient client(String access, Instant expiresAt, String refresh) {
    return new OAuth2AuthorizedClient(
        CONSOLE,
        "lead-fgw",
        new OAuth2AccessToken(
            OAuth2AccessToken.TokenType.BEARER, access, expiresAt.minusSeconds(10), expiresAt),
        new OAuth2RefreshToken(refresh, expiresAt.minusSeconds(10)));
  }

  static OAuth2AuthorizationContext context(OAuth2AuthorizedClient client) {
    return OAuth2AuthorizationContext.withAuthorizedClient(client)
        .principal(new TestingAuthenticationToken("lead-fgw", null))
        .build();
  }

  @Test
  void callsFindingTheSameRefreshTokenDueShareOneExchange() {
    OAuth2AuthorizedClient stale = client("access-0", NOW.plusSeconds(1), "refresh-0");

    List<OAuth2AuthorizedClient> answers =
        Flux.range(0, 8)
            .flatMap(i -> provider.authorize(context(stale)))
            .collectList()
            .block(Duration.ofSeconds(5));

    assertThat(answers).hasSize(8);
    assertThat(answers)
        .extracting(c -> c.getAccessToken().getTokenValue())
        .containsOnly("access-1");
    assertThat(exchanged).hasValue(1);

    // a call that read the session before the new tokens were saved gets them too
    OAuth2AuthorizedClient late = provider.authorize(context(stale)).block();
    assertThat(late.getRefreshToken().getTokenValue()).isEqualTo("refresh-1");
    assertThat(exchanged).hasValue(1);
  }

  @Test
  void aTokenNotYetDueIsNotExchanged() {
    OAuth2AuthorizedClient fresh = client("access-0", NOW.plusSeconds(60), "refresh-0");

    assertThat(provider.authorize(context(fresh)).block()).isNull();
    assertThat(provider.authorize(context(fresh)).block()).isNull();

    assertThat(exchanged).hasValue(0);
  }

  @Test
  void theNewIdTokenIsKeptForTheLogoutAndARefusalDropsTheTokens() {
    OAuth2AuthorizedClient stale = client("access-0", NOW.minusSeconds(1), "refresh-0");

    OAuth2AuthorizedClient renewed = provider.authorize(context(stale)).block();

    assertThat(PersonAuthorizedClient.refreshedIdToken(renewed)).isEqualTo("id-1");
    assertThat(SessionTokens.of(renewed).idToken()).isEqualTo("id-1");
    assertThat(PersonAuthorizedClient.refreshedIdToken(SessionTokens.of(renewed).toClient(CONSOLE)))
        .isEqualTo("id-1");

    assertThatThrownBy(() -> refusing.authorize(context(stale)).block())
        .isInstanceOfSatisfying(
            ClientAuthorizationException.class,
            e -> assertThat(e.getClientRegistrationId()).isEqualTo("console"));
  }

  @Test
  void aRefusalIsLoggedWithTheRequestsId() {
    OAuth2AuthorizedClient stale = client("access-0", NOW.minusSeconds(1), "refresh-0");

    try (LogLines logged = LogLines.of(RefreshOncePerToken.class)) {
      assertThatThrownBy(
              () ->
                  refusing
                      .authorize(context(stale))
                      .contextWrite(Context.of(RequestIdFilter.KEY, "req-refresh-1"))
                      .block())
          .isInstanceOf(ClientAuthorizationException.class);

      assertThat(logged.lines())
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.getFormattedMessage())
                    .contains("lead-fgw")
                    .contains("invalid_grant");
                assertThat(line.getMDCPropertyMap())
                    .containsEntry(RequestIdFilter.KEY, "req-refresh-1");
              });
    }
    assertThat(MDC.get(RequestIdFilter.KEY)).as("put only around the line").isNull();
  }

  @Test
  void aFailedExchangeIsTriedAgainByTheNextCall() {
    AtomicInteger tries = new AtomicInteger();
    RefreshOncePerToken failingOnce =
        new RefreshOncePerToken(
            request ->
                tries.incrementAndGet() == 1
                    ? Mono.error(new IllegalStateException("issuer down"))
                    : Mono.just(
                        OAuth2AccessTokenResponse.withToken("access-2")
                            .tokenType(OAuth2AccessToken.TokenType.BEARER)
                            .expiresIn(300)
                            .build()),
            SKEW,
            clock);
    OAuth2AuthorizedClient stale = client("access-0", NOW.minusSeconds(1), "refresh-0");

    assertThat(failingOnce.authorize(context(stale)).onErrorResume(e -> Mono.empty()).block())
        .isNull();
    assertThat(failingOnce.authorize(context(stale)).block().getAccessToken().getTokenValue())
        .isEqualTo("access-2");
  }

  @Test
  void anExchangeIsForgottenAfterAWhile() {
    OAuth2AuthorizedClient stale = client("access-0", NOW.minusSeconds(1), "refresh-0");
    provider.authorize(context(stale)).block();

    clock.set(NOW.plus(RefreshOncePerToken.REMEMBER).plusSeconds(1));
    provider.authorize(context(stale)).block();

    assertThat(exchanged).hasValue(2);
  }
}
