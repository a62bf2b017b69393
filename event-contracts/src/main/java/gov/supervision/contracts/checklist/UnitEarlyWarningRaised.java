package gov.supervision.contracts.checklist;

/**
 * A unit's early-warning level rose (e.g. {@code NONE -> WATCH}); key = unit code.
 *
 * @param redItems the unit's items that are overdue
 * @param openMajorFindings the unit's open {@code MAJOR} or {@code SEVERE} findings
 * @param vetoedCadres the unit's cadres currently vetoed
 */
public record UnitEarlyWarningRaised(
    String unit,
    String level,
    String previousLevel,
    int redItems,
    int openMajorFindings,
    int vetoedCadres)
    implements ChecklistEvent {

  @Override
  public String subject() {
    return unit;
  }
}
