package gov.supervision.checklist.config;

import gov.supervision.checklist.domain.WarningPolicy;
import gov.supervision.checklist.domain.WarningThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Unit early-warning thresholds per level; a unit reaches a level when any one of its indicators
 * (red items, open major/severe findings, vetoed cadres) reaches that level's threshold.
 */
@ConfigurationProperties("supervision.early-warning")
public record WarningProperties(
    @DefaultValue Level watch, @DefaultValue Level warning, @DefaultValue Level severe) {

  /** The thresholds of one level; defaults are those of WATCH. */
  public record Level(
      @DefaultValue("1") int redItems,
      @DefaultValue("1") int openMajorFindings,
      @DefaultValue("1") int vetoedCadres) {

    WarningThresholds thresholds() {
      return new WarningThresholds(redItems, openMajorFindings, vetoedCadres);
    }
  }

  /** The domain policy of these thresholds. */
  public WarningPolicy policy() {
    return new WarningPolicy(watch.thresholds(), warning.thresholds(), severe.thresholds());
  }
}
