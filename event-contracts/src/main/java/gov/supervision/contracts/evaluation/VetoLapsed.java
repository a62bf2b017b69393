package gov.supervision.contracts.evaluation;

/** A cadre's veto for a purpose lapsed (the window passed, or the record was superseded). */
public record VetoLapsed(String cadreId, String name, String unit, String purpose)
    implements EvaluationEvent {

  @Override
  public String subject() {
    return cadreId;
  }
}
