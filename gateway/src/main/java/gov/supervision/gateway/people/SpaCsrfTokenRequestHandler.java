package gov.supervision.gateway.people;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CSRF for a single-page app: the console echoes the {@code XSRF-TOKEN} cookie in the {@code
 * X-XSRF-TOKEN} header, which is compared as sent; a token rendered into a page or sent as a form
 * parameter is the BREACH-safe masked form (a new random mask on every render).
 */
final class SpaCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

  private final XorServerCsrfTokenRequestAttributeHandler masked =
      new XorServerCsrfTokenRequestAttributeHandler();
  private final ServerCsrfTokenRequestAttributeHandler plain =
      new ServerCsrfTokenRequestAttributeHandler();

  @Override
  public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
    masked.handle(exchange, csrfToken);
  }

  @Override
  public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
    String header = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName());
    return StringUtils.hasText(header)
        ? plain.resolveCsrfTokenValue(exchange, csrfToken)
        : masked.resolveCsrfTokenValue(exchange, csrfToken);
  }
}
