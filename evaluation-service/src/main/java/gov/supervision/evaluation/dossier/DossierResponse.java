package gov.supervision.evaluation.dossier;

import gov.supervision.evaluation.cadre.CadreResponse;
import gov.supervision.evaluation.cadre.RecordResponse;
import gov.supervision.evaluation.domain.DimensionSummary;
import gov.supervision.evaluation.domain.LinkedFinding;
import java.time.Instant;
import java.util.List;

/** The whole political-quality file, read for a review case ({@code purpose} = its number). */
record DossierResponse(
    String purpose,
    CaseView reviewCase,
    CadreResponse cadre,
    List<RecordResponse> records,
    DimensionSummary dimensionSummary,
    List<LinkedFinding> linkedFindings,
    VetoView veto,
    VetoView awardVeto,
    Instant generatedAt) {}
