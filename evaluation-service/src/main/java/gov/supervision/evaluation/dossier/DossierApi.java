package gov.supervision.evaluation.dossier;

import gov.supervision.contracts.evaluation.VetoReason;
import gov.supervision.evaluation.cadre.CadreApi.CadreResponse;
import gov.supervision.evaluation.cadre.CadreApi.RecordResponse;
import gov.supervision.evaluation.domain.DimensionSummary;
import gov.supervision.evaluation.domain.LinkedFinding;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.ReviewCase;
import gov.supervision.evaluation.domain.VetoDecision;
import java.time.Instant;
import java.util.List;

/** The response records of HR's reads. */
final class DossierApi {

  private DossierApi() {}

  /** A veto decision with the records that cause it. */
  record VetoView(Purpose kind, String kindLabel, boolean vetoed, List<VetoReason> reasons) {
    static VetoView of(VetoDecision decision) {
      return new VetoView(
          decision.purpose(), decision.purpose().label(), decision.vetoed(), decision.reasons());
    }
  }

  /** The review case a file is read for. */
  record CaseView(String id, String caseNo, Purpose kind, String kindLabel, String title) {
    static CaseView of(ReviewCase c) {
      return new CaseView(c.id(), c.caseNo(), c.kind(), c.kind().label(), c.title());
    }
  }

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

  /** The records of a file as its keeper sees them (no veto, no findings): newest first. */
  record RecordsResponse(CadreResponse cadre, List<RecordResponse> records) {}

  /** Whether the cadre may be considered for promotion or an award. */
  record EligibilityResponse(
      String cadreId,
      String purpose,
      String caseId,
      Purpose kind,
      boolean eligible,
      boolean vetoed,
      List<VetoReason> reasons) {}
}
