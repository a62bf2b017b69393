package gov.supervision.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of safe methods only ({@code supervision.retry}): how many, with exponential backoff from
 * {@code first-backoff} to {@code max-backoff}. All inside the route's time limiter.
 */
@ConfigurationProperties("supervision.retry")
public record RetryProperties(
    @DefaultValue("2") int retries,
    @DefaultValue("50ms") Duration firstBackoff,
    @DefaultValue("200ms") Duration maxBackoff) {}
