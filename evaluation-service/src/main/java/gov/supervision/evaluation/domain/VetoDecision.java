package gov.supervision.evaluation.domain;

import gov.supervision.contracts.evaluation.VetoReason;
import java.util.List;

/** The veto answer for one purpose, always with the records that cause it. */
public record VetoDecision(Purpose purpose, boolean vetoed, List<VetoReason> reasons) {

  public VetoDecision {
    reasons = List.copyOf(reasons);
  }
}
