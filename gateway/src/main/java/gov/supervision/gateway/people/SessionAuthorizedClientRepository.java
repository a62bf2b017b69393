package gov.supervision.gateway.people;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authorized clients in the person's session, so every gateway instance sharing the session store
 * sees them (the default keeps them in one instance's memory). Only {@link SessionTokens} are
 * stored; the registration, with its secret, is looked up again on load.
 */
public class SessionAuthorizedClientRepository implements ServerOAuth2AuthorizedClientRepository {

  private static final String PREFIX = SessionAuthorizedClientRepository.class.getName() + ".";

  private final ReactiveClientRegistrationRepository registrations;

  public SessionAuthorizedClientRepository(ReactiveClientRegistrationRepository registrations) {
    this.registrations = registrations;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(
      String registrationId, Authentication principal, ServerWebExchange exchange) {
    return exchange
        .getSession()
        .flatMap(
            session ->
                Mono.justOrEmpty(session.<SessionTokens>getAttribute(PREFIX + registrationId)))
        .filter(tokens -> principal == null || tokens.principalName().equals(principal.getName()))
        .flatMap(
            tokens ->
                registrations
                    .findByRegistrationId(registrationId)
                    .map(registration -> (T) tokens.toClient(registration)));
  }

  @Override
  public Mono<Void> saveAuthorizedClient(
      OAuth2AuthorizedClient client, Authentication principal, ServerWebExchange exchange) {
    return exchange
        .getSession()
        .doOnNext(
            session ->
                session
                    .getAttributes()
                    .put(
                        PREFIX + client.getClientRegistration().getRegistrationId(),
                        SessionTokens.of(client)))
        .then();
  }

  /** The newest ID token a refresh brought into this session, if there was a refresh. */
  Mono<String> refreshedIdToken(String registrationId, ServerWebExchange exchange) {
    return exchange
        .getSession()
        .flatMap(
            session ->
                Mono.justOrEmpty(session.<SessionTokens>getAttribute(PREFIX + registrationId)))
        .mapNotNull(SessionTokens::idToken);
  }

  @Override
  public Mono<Void> removeAuthorizedClient(
      String registrationId, Authentication principal, ServerWebExchange exchange) {
    return exchange
        .getSession()
        .doOnNext(session -> session.getAttributes().remove(PREFIX + registrationId))
        .then();
  }
}
