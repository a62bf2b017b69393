package gov.supervision.contracts.evaluation;

import java.util.List;

/**
 * A cadre became vetoed (一票否决) for a purpose ({@code PROMOTION} or {@code AWARD}); key = cadre id.
 */
public record CadreVetoed(
    String cadreId, String name, String unit, String purpose, List<VetoReason> reasons)
    implements EvaluationEvent {

  @Override
  public String subject() {
    return cadreId;
  }
}
