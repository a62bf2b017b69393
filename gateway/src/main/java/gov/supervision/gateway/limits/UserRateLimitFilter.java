package gov.supervision.gateway.limits;

import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import gov.supervision.gateway.tracing.RequestIdFilter;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A Resilience4j {@link RateLimiter} per caller, keyed by the token's {@code sub}: past the limit
 * the answer is 429 problem+json with {@code Retry-After}. Anonymous requests (open paths only, the
 * rest is refused before) are not limited here.
 */
@Component
public class UserRateLimitFilter implements WebFilter, Ordered {

  /** Right after authentication (Spring Security's filter chain runs at -100). */
  public static final int ORDER = -90;

  private final Problems problems;
  private final boolean enabled;
  private final RateLimiterRegistry limiters;
  private final long refreshSeconds;

  public UserRateLimitFilter(Problems problems, LimitProperties limits) {
    this.problems = problems;
    LimitProperties.Rate rate = limits.rate();
    this.enabled = rate.enabled();
    this.limiters =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(rate.limitForPeriod())
                .limitRefreshPeriod(rate.refreshPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
    this.refreshSeconds = Math.max(1, (rate.refreshPeriod().toMillis() + 999) / 1000);
  }

  /** Whole seconds until the caller gets a permit again (at least 1). */
  private String retryAfter(RateLimiter limiter) {
    long seconds = refreshSeconds;
    if (limiter instanceof AtomicRateLimiter atomic) {
      long nanos = atomic.getDetailedMetrics().getNanosToWait();
      if (nanos > 0) {
        seconds = Math.min(refreshSeconds, (nanos + 999_999_999L) / 1_000_000_000L);
      }
    }
    return Long.toString(Math.max(1, seconds));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(p -> Optional.ofNullable(((JwtAuthenticationToken) p).getToken().getSubject()))
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            sub -> {
              sub.ifPresent(id -> exchange.getAttributes().put(RequestIdFilter.CALLER, id));
              if (!enabled || sub.isEmpty()) {
                return chain.filter(exchange);
              }
              RateLimiter limiter = limiters.rateLimiter(sub.get());
              if (limiter.acquirePermission()) {
                return chain.filter(exchange);
              }
              exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter(limiter));
              return problems.write(exchange, GatewayProblem.TOO_MANY_REQUESTS);
            });
  }
}
