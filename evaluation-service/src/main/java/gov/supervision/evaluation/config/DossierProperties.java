package gov.supervision.evaluation.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How file reads are guarded ({@code supervision.dossier}).
 *
 * @param refusedReads how many refused reads one person gets per window before 429
 */
@ConfigurationProperties("supervision.dossier")
public record DossierProperties(@DefaultValue RefusedReads refusedReads) {

  /**
   * @param limit refused reads per person and window; past that 429 and only the first is logged
   * @param window the length of one window
   */
  public record RefusedReads(@DefaultValue("20") int limit, @DefaultValue("1m") Duration window) {}
}
