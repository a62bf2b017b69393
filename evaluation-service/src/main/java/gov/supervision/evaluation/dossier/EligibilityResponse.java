package gov.supervision.evaluation.dossier;

import gov.supervision.contracts.evaluation.VetoReason;
import gov.supervision.evaluation.domain.Purpose;
import java.util.List;

/** Whether the cadre may be considered for promotion or an award. */
record EligibilityResponse(
    String cadreId,
    String purpose,
    String caseId,
    Purpose kind,
    boolean eligible,
    boolean vetoed,
    List<VetoReason> reasons) {}
