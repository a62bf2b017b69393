package gov.supervision.gateway.people;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * What a session keeps of a person's authorized client: the tokens and whose they are, not the
 * client registration (so the client secret is never written into a session). {@code idToken} is
 * the newest ID token from a refresh, {@code null} before the first.
 */
record SessionTokens(
    String principalName,
    String accessToken,
    Instant accessIssuedAt,
    Instant accessExpiresAt,
    Set<String> scopes,
    String refreshToken,
    Instant refreshIssuedAt,
    Instant refreshExpiresAt,
    String idToken)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static SessionTokens of(OAuth2AuthorizedClient client) {
    OAuth2AccessToken access = client.getAccessToken();
    OAuth2RefreshToken refresh = client.getRefreshToken();
    return new SessionTokens(
        client.getPrincipalName(),
        access.getTokenValue(),
        access.getIssuedAt(),
        access.getExpiresAt(),
        Set.copyOf(access.getScopes()),
        refresh == null ? null : refresh.getTokenValue(),
        refresh == null ? null : refresh.getIssuedAt(),
        refresh == null ? null : refresh.getExpiresAt(),
        PersonAuthorizedClient.refreshedIdToken(client));
  }

  OAuth2AuthorizedClient toClient(ClientRegistration registration) {
    OAuth2AccessToken access =
        new OAuth2AccessToken(
            OAuth2AccessToken.TokenType.BEARER,
            accessToken,
            accessIssuedAt,
            accessExpiresAt,
            scopes);
    OAuth2RefreshToken refresh =
        refreshToken == null
            ? null
            : new OAuth2RefreshToken(refreshToken, refreshIssuedAt, refreshExpiresAt);
    return new PersonAuthorizedClient(registration, principalName, access, refresh, idToken);
  }
}
