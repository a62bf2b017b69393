package gov.supervision.gateway.limits;

import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import gov.supervision.gateway.tracing.RequestIdFilter;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A Resilience4j {@link RateLimiter} per caller, keyed by the {@code sub} of the bearer token or of
 * the signed-in person: past the limit the answer is 429 problem+json with {@code Retry-After}.
 * Requests without a caller are limited per address by {@link ClientAddressLimitFilter}.
 */
@Component
public class UserRateLimitFilter implements WebFilter, Ordered {

  /** Right after authentication (Spring Security's filter chain runs at -100). */
  public static final int ORDER = -90;

  private final Problems problems;
  private final boolean enabled;
  private final KeyedLimiters limiters;

  public UserRateLimitFilter(Problems problems, LimitProperties limits) {
    this.problems = problems;
    LimitProperties.Rate rate = limits.rate();
    this.enabled = rate.enabled();
    this.limiters = new KeyedLimiters(rate.limitForPeriod(), rate.refreshPeriod());
  }

  /** The {@code sub} of a bearer token or of a signed-in person; null for anything else. */
  private static String callerId(java.security.Principal principal) {
    if (principal instanceof JwtAuthenticationToken token) {
      return token.getToken().getSubject();
    }
    if (principal instanceof OAuth2AuthenticationToken person) {
      return person.getName();
    }
    return null;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return exchange
        .getPrincipal()
        .map(p -> Optional.ofNullable(callerId(p)))
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            sub -> {
              sub.ifPresent(id -> exchange.getAttributes().put(RequestIdFilter.CALLER, id));
              if (!enabled || sub.isEmpty()) {
                return chain.filter(exchange);
              }
              RateLimiter limiter = limiters.of(sub.get());
              if (limiter.acquirePermission()) {
                return chain.filter(exchange);
              }
              exchange
                  .getResponse()
                  .getHeaders()
                  .set(HttpHeaders.RETRY_AFTER, limiters.retryAfter(limiter));
              return problems.write(exchange, GatewayProblem.TOO_MANY_REQUESTS);
            });
  }
}
