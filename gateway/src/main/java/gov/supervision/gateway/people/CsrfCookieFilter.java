package gov.supervision.gateway.people;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes sure the {@code XSRF-TOKEN} cookie is set on a session request's answer: the token is lazy
 * and would otherwise be written only when something reads it.
 */
final class CsrfCookieFilter implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
  }
}
