package gov.supervision.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;

/**
 * One Resilience4j {@link RateLimiter} per key (a caller, an address), {@code limit} permits per
 * {@code period}; limiters unused for a while are forgotten, so many keys cannot fill the memory.
 */
final class KeyedLimiters {

  private final RateLimiterConfig config;
  private final long periodSeconds;
  private final Cache<String, RateLimiter> limiters;

  KeyedLimiters(int limit, Duration period) {
    this.config =
        RateLimiterConfig.custom()
            .limitForPeriod(limit)
            .limitRefreshPeriod(period)
            .timeoutDuration(Duration.ZERO)
            .build();
    this.periodSeconds = Math.max(1, (period.toMillis() + 999) / 1000);
    this.limiters =
        Caffeine.newBuilder()
            .expireAfterAccess(period.multipliedBy(2).plusMinutes(1))
            .maximumSize(200_000)
            .build();
  }

  RateLimiter of(String key) {
    return limiters.get(key, k -> new AtomicRateLimiter(k, config));
  }

  /** Whether {@code key} has no permit left right now (without taking one). */
  boolean exhausted(String key) {
    RateLimiter limiter = limiters.getIfPresent(key);
    return limiter != null && limiter.getMetrics().getAvailablePermissions() <= 0;
  }

  /** Whole seconds until {@code limiter} gives a permit again (at least 1), for Retry-After. */
  String retryAfter(RateLimiter limiter) {
    long seconds = periodSeconds;
    if (limiter instanceof AtomicRateLimiter atomic) {
      long nanos = atomic.getDetailedMetrics().getNanosToWait();
      if (nanos > 0) {
        seconds = Math.min(periodSeconds, (nanos + 999_999_999L) / 1_000_000_000L);
      }
    }
    return Long.toString(Math.max(1, seconds));
  }
}
