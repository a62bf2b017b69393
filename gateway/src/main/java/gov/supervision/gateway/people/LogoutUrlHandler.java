package gov.supervision.gateway.people;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the session has ended: 200 {@code {"logoutUrl": ...}}, the issuer's end-session endpoint
 * with the newest ID token as hint (the one a refresh brought, which {@link #keepRefreshedIdToken}
 * took from the session before it ended, else the sign-in's) and the console's start page as the
 * place to come back to. The console navigates there itself (a cross-origin redirect would break
 * its XHR). Without a signed-in person or an end-session endpoint, the URL is the console's start
 * page.
 */
final class LogoutUrlHandler implements ServerLogoutSuccessHandler {

  private static final String REFRESHED_ID_TOKEN = LogoutUrlHandler.class.getName() + ".idToken";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ReactiveClientRegistrationRepository registrations;
  private final String configuredEndSession;

  LogoutUrlHandler(
      ReactiveClientRegistrationRepository registrations, String configuredEndSession) {
    this.registrations = registrations;
    this.configuredEndSession = configuredEndSession;
  }

  /** A logout step to run before the session is invalidated. */
  static ServerLogoutHandler keepRefreshedIdToken(SessionAuthorizedClientRepository clients) {
    return (filterExchange, authentication) -> {
      ServerWebExchange exchange = filterExchange.getExchange();
      return authentication instanceof OAuth2AuthenticationToken person
          ? clients
              .refreshedIdToken(person.getAuthorizedClientRegistrationId(), exchange)
              .doOnNext(token -> exchange.getAttributes().put(REFRESHED_ID_TOKEN, token))
              .then()
          : Mono.empty();
    };
  }

  @Override
  public Mono<Void> onLogoutSuccess(
      WebFilterExchange filterExchange, Authentication authentication) {
    ServerWebExchange exchange = filterExchange.getExchange();
    String home =
        UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
            .replacePath("/")
            .replaceQuery(null)
            .fragment(null)
            .build()
            .toUriString();
    Mono<String> url =
        authentication instanceof OAuth2AuthenticationToken person
                && person.getPrincipal() instanceof OidcUser user
            ? registrations
                .findByRegistrationId(person.getAuthorizedClientRegistrationId())
                .mapNotNull(
                    registration ->
                        endSession(
                            registration,
                            exchange.getAttributeOrDefault(
                                REFRESHED_ID_TOKEN, user.getIdToken().getTokenValue()),
                            home))
                .defaultIfEmpty(home)
            : Mono.just(home);
    return url.flatMap(
        logoutUrl -> {
          var response = exchange.getResponse();
          response.setStatusCode(HttpStatus.OK);
          response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
          byte[] body =
              JSON.writeValueAsString(Map.of("logoutUrl", logoutUrl))
                  .getBytes(StandardCharsets.UTF_8);
          return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        });
  }

  private String endSession(ClientRegistration registration, String idToken, String home) {
    Object endpoint =
        registration
            .getProviderDetails()
            .getConfigurationMetadata()
            .getOrDefault("end_session_endpoint", configuredEndSession);
    if (endpoint == null) {
      return null;
    }
    return UriComponentsBuilder.fromUri(URI.create(endpoint.toString()))
        .queryParam("id_token_hint", idToken)
        .queryParam("post_logout_redirect_uri", home)
        .encode(StandardCharsets.UTF_8)
        .build()
        .toUriString();
  }
}
