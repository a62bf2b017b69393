package gov.supervision.gateway.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits at the door ({@code supervision.limits}): the largest request body ({@code max-body-size},
 * 1 MiB), and per user ({@code sub}) at most {@code rate.limit-for-period} requests per {@code
 * rate.refresh-period} (50 per second).
 */
@ConfigurationProperties("supervision.limits")
public record LimitProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue Rate rate) {

  /** The per-user rate: {@code limit-for-period} requests per {@code refresh-period}. */
  public record Rate(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") int limitForPeriod,
      @DefaultValue("1s") Duration refreshPeriod) {}
}
