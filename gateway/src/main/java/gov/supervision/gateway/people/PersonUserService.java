package gov.supervision.gateway.people;

import gov.supervision.contracts.TokenRoles;
import gov.supervision.gateway.directory.PeopleDirectory;
import gov.supervision.gateway.directory.PeopleDirectory.Person;
import gov.supervision.gateway.tracing.RequestLog;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;

/**
 * A signed-in person with the same {@code ROLE_<code>} authorities as a bearer token of the same
 * identity (from the ID token's and user info's {@code roles} or {@code realm_access.roles}), named
 * by the registration's user-name attribute ({@code sub} locally, {@code preferred_username} with
 * Keycloak), so the door's role rules and the per-caller limits treat both alike. Each sign-in
 * updates the person's name and unit in the {@link PeopleDirectory} (a failure there is logged and
 * does not stop the sign-in).
 */
public class PersonUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

  private static final Logger log = LoggerFactory.getLogger(PersonUserService.class);

  private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
  private final PeopleDirectory directory;

  public PersonUserService(PeopleDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Mono<OidcUser> loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
    return delegate
        .loadUser(request)
        .map(
            user -> {
              Map<String, Object> claims = new HashMap<>(user.getClaims());
              claims.putAll(user.getIdToken().getClaims());
              return new DefaultOidcUser(
                  AuthorityUtils.createAuthorityList(TokenRoles.authorities(claims)),
                  user.getIdToken(),
                  user.getUserInfo(),
                  nameAttribute(request));
            })
        .flatMap(
            user ->
                directory
                    .remember(Person.of(user.getName(), user.getClaims()))
                    .onErrorResume(
                        e ->
                            RequestLog.writing(
                                ids -> {
                                  log.warn(
                                      "sign-in of {} not kept in the directory: {}",
                                      user.getName(),
                                      e.toString());
                                  return Mono.empty();
                                }))
                    .thenReturn(user));
  }

  /** The claim naming the person: the registration's user-name attribute, else {@code sub}. */
  private static String nameAttribute(OidcUserRequest request) {
    String name =
        request
            .getClientRegistration()
            .getProviderDetails()
            .getUserInfoEndpoint()
            .getUserNameAttributeName();
    return StringUtils.hasText(name) ? name : IdTokenClaimNames.SUB;
  }
}
