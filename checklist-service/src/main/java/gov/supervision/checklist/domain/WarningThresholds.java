package gov.supervision.checklist.domain;

/**
 * The indicator values from which a unit reaches a level: any one indicator at or above its
 * threshold is enough.
 */
public record WarningThresholds(int redItems, int openMajorFindings, int vetoedCadres) {

  /** Whether the indicators reach these thresholds. */
  public boolean reachedBy(WarningIndicators indicators) {
    return indicators.redItems() >= redItems
        || indicators.openMajorFindings() >= openMajorFindings
        || indicators.vetoedCadres() >= vetoedCadres;
  }
}
