package gov.supervision.gateway.limits;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits at the door ({@code supervision.limits}): the largest request body ({@code max-body-size},
 * 1 MiB), file uploads excepted ({@code upload}), and per user ({@code sub}) at most {@code
 * rate.limit-for-period} requests per {@code rate.refresh-period} (50 per second); per client
 * address at most {@code anonymous.limit-for-period} requests that end without a caller (401, or a
 * redirect to sign-in) per {@code anonymous.refresh-period}.
 */
@ConfigurationProperties("supervision.limits")
public record LimitProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue Upload upload,
    @DefaultValue Rate rate,
    @DefaultValue Anonymous anonymous) {

  /**
   * File uploads: a {@code multipart/form-data} body to one of {@code paths} (path patterns, {@code
   * *} one segment) may reach {@code max-body-size}: the services' largest file (evidence, 20 MiB)
   * plus the multipart framing.
   */
  public record Upload(
      @DefaultValue("21MB") DataSize maxBodySize,
      @DefaultValue({"/api/items/*/attachments", "/api/findings/*/attachments"})
          List<String> paths) {}

  /** The per-user rate: {@code limit-for-period} requests per {@code refresh-period}. */
  public record Rate(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") int limitForPeriod,
      @DefaultValue("1s") Duration refreshPeriod) {}

  /** Per client address: {@code limit-for-period} refusals for lack of a caller per period. */
  public record Anonymous(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("30") int limitForPeriod,
      @DefaultValue("10s") Duration refreshPeriod) {}
}
