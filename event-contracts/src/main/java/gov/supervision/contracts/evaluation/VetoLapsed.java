package gov.supervision.contracts.evaluation;

import java.util.List;

/**
 * A cadre's veto lapsed (the window passed, or the record was superseded); key = cadre id. One
 * event per change, naming every purpose whose veto ended with it.
 */
public record VetoLapsed(String cadreId, String name, String unit, List<String> purposes)
    implements EvaluationEvent {

  @Override
  public String subject() {
    return cadreId;
  }
}
