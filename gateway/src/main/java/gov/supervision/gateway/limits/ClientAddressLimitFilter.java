package gov.supervision.gateway.limits;

import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import gov.supervision.gateway.security.SecurityConfig;
import gov.supervision.gateway.session.SessionProperties;
import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits, per client address, the requests that end without a caller: no or an invalid token (401)
 * or a page sent to sign-in (302 to the authorization endpoint). Each such answer takes a permit.
 * While the address has none left, its requests without credentials are answered 429 problem+json
 * before Spring Security, so an anonymous flood costs neither token checks nor sessions; requests
 * with a bearer token or a session cookie are still checked (one signature check or one session
 * read: JWKS refetches have their own cool-down), and if the check fails they too get 429 instead
 * of 401 ({@link Problems#OVER_ADDRESS_LIMIT}). So people and systems with valid credentials behind
 * the same address (an office's NAT) keep working while someone there floods. Valid callers never
 * take permits. Open paths are not limited.
 */
@Component
public class ClientAddressLimitFilter implements WebFilter, Ordered {

  /** Before Spring Security's filter chain (-100). */
  public static final int ORDER = -110;

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final Problems problems;
  private final boolean enabled;
  private final KeyedLimiters limiters;

  private final String sessionCookie;

  public ClientAddressLimitFilter(
      Problems problems, LimitProperties limits, SessionProperties sessions) {
    this.problems = problems;
    this.sessionCookie = sessions.cookieName();
    LimitProperties.Anonymous anonymous = limits.anonymous();
    this.enabled = anonymous.enabled();
    this.limiters = new KeyedLimiters(anonymous.limitForPeriod(), anonymous.refreshPeriod());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!enabled || isOpen(exchange.getRequest().getPath().value())) {
      return chain.filter(exchange);
    }
    String address = address(exchange);
    if (limiters.exhausted(address)) {
      String retryAfter = limiters.retryAfter(limiters.of(address));
      if (!carriesCredentials(exchange)) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
        return problems.write(exchange, GatewayProblem.TOO_MANY_REQUESTS);
      }
      exchange.getAttributes().put(Problems.OVER_ADDRESS_LIMIT, retryAfter);
    }
    return chain
        .filter(exchange)
        .doFinally(
            signal -> {
              if (endedWithoutCaller(exchange)) {
                limiters.of(address).acquirePermission();
              }
            });
  }

  private boolean carriesCredentials(ServerWebExchange exchange) {
    return exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
        || exchange.getRequest().getCookies().getFirst(sessionCookie) != null;
  }

  private static boolean isOpen(String path) {
    for (String open : SecurityConfig.OPEN) {
      if (PATHS.match(open, path)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endedWithoutCaller(ServerWebExchange exchange) {
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    if (status == null) {
      return false;
    }
    if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
      return true;
    }
    String location = exchange.getResponse().getHeaders().getFirst(HttpHeaders.LOCATION);
    return status.is3xxRedirection()
        && location != null
        && location.contains("/oauth2/authorization/");
  }

  private static String address(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
