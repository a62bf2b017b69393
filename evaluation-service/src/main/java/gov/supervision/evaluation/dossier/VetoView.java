package gov.supervision.evaluation.dossier;

import gov.supervision.contracts.evaluation.VetoReason;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.VetoDecision;
import java.util.List;

/** A veto decision with the records that cause it. */
record VetoView(Purpose kind, String kindLabel, boolean vetoed, List<VetoReason> reasons) {

  static VetoView of(VetoDecision decision) {
    return new VetoView(
        decision.purpose(), decision.purpose().label(), decision.vetoed(), decision.reasons());
  }
}
