package gov.supervision.gateway.people;

import java.io.Serial;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * A person's tokens with the newest ID token the issuer gave on a refresh ({@code null} until the
 * first refresh; the sign-in's ID token is the principal's). The issuer accepts only its newest ID
 * token as the hint of an end-session request, so the logout needs this one.
 */
final class PersonAuthorizedClient extends OAuth2AuthorizedClient {

  @Serial private static final long serialVersionUID = 1L;

  private final String refreshedIdToken;

  PersonAuthorizedClient(
      ClientRegistration registration,
      String principalName,
      OAuth2AccessToken accessToken,
      OAuth2RefreshToken refreshToken,
      String refreshedIdToken) {
    super(registration, principalName, accessToken, refreshToken);
    this.refreshedIdToken = refreshedIdToken;
  }

  static String refreshedIdToken(OAuth2AuthorizedClient client) {
    return client instanceof PersonAuthorizedClient person ? person.refreshedIdToken : null;
  }
}
