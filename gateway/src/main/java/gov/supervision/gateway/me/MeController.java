package gov.supervision.gateway.me;

import gov.supervision.contracts.TokenRoles;
import gov.supervision.gateway.directory.PeopleDirectory.Person;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/me}: {@code {id, name, roles[], unit, permissions[]}} of the caller, signed in
 * with a session or sending a bearer token; for a session also {@code sessionExpiresAt} (when it
 * ends if left idle) and when the access token the gateway holds for them was issued and ends (it
 * is refreshed when it runs out). The permissions come from {@link Permission}.
 */
@RestController
class MeController {

  /** The caller as the console sees them. */
  record Me(
      String id,
      String name,
      List<String> roles,
      String unit,
      List<String> permissions,
      Instant sessionExpiresAt,
      Instant accessTokenIssuedAt,
      Instant accessTokenExpiresAt) {}

  private final ServerOAuth2AuthorizedClientRepository authorizedClients;

  MeController(ServerOAuth2AuthorizedClientRepository authorizedClients) {
    this.authorizedClients = authorizedClients;
  }

  @GetMapping("/api/me")
  Mono<Me> me(Principal principal, ServerWebExchange exchange) {
    Map<String, Object> claims = claimsOf(principal);
    Set<String> roles = TokenRoles.of(claims);
    Person caller = Person.of(principal.getName(), claims);
    Me bare =
        new Me(
            caller.id(),
            caller.name(),
            List.copyOf(roles),
            caller.unit(),
            Permission.of(roles),
            null,
            null,
            null);
    if (!(principal instanceof OAuth2AuthenticationToken person)) {
      return Mono.just(bare);
    }
    Mono<java.util.Optional<OAuth2AccessToken>> token =
        authorizedClients
            .loadAuthorizedClient(person.getAuthorizedClientRegistrationId(), person, exchange)
            .map(client -> java.util.Optional.of(client.getAccessToken()))
            .defaultIfEmpty(java.util.Optional.empty());
    return Mono.zip(exchange.getSession(), token)
        .map(
            both ->
                new Me(
                    bare.id(),
                    bare.name(),
                    bare.roles(),
                    bare.unit(),
                    bare.permissions(),
                    end(both.getT1()),
                    both.getT2().map(OAuth2AccessToken::getIssuedAt).orElse(null),
                    both.getT2().map(OAuth2AccessToken::getExpiresAt).orElse(null)));
  }

  private static Map<String, Object> claimsOf(Principal principal) {
    if (principal instanceof JwtAuthenticationToken token) {
      return token.getTokenAttributes();
    }
    if (principal instanceof OAuth2AuthenticationToken person
        && person.getPrincipal() instanceof OidcUser user) {
      return user.getClaims();
    }
    return Map.of("sub", principal.getName());
  }

  private static Instant end(WebSession session) {
    return session.getLastAccessTime().plus(session.getMaxIdleTime());
  }
}
