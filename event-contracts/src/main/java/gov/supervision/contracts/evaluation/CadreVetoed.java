package gov.supervision.contracts.evaluation;

import java.util.List;

/**
 * A cadre became vetoed (一票否决); key = cadre id. One event per decision: {@code purposes} names
 * every purpose ({@code PROMOTION}, {@code AWARD}) the decision newly covers, {@code reasons} the
 * records behind it, so one decision is announced once however many purposes it covers.
 */
public record CadreVetoed(
    String cadreId, String name, String unit, List<String> purposes, List<VetoReason> reasons)
    implements EvaluationEvent {

  @Override
  public String subject() {
    return cadreId;
  }
}
