package gov.supervision.evaluation.dossier;

import gov.supervision.evaluation.cadre.CadreDocument;
import gov.supervision.evaluation.cadre.CadreResponse;
import gov.supervision.evaluation.cadre.CadreService;
import gov.supervision.evaluation.cadre.RecordResponse;
import gov.supervision.evaluation.config.VetoProperties;
import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.DimensionSummary;
import gov.supervision.evaluation.domain.EvaluationRecord;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.ReviewCase;
import gov.supervision.evaluation.domain.VetoDecision;
import gov.supervision.evaluation.domain.VetoRule;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Assembles what a read hands out: the whole file, or an eligibility answer. */
@Component
class Dossiers {

  private final CadreService cadres;
  private final VetoRule vetoRule;
  private final VetoProperties properties;
  private final Clock clock;

  Dossiers(CadreService cadres, VetoRule vetoRule, VetoProperties properties, Clock clock) {
    this.cadres = cadres;
    this.vetoRule = vetoRule;
    this.properties = properties;
    this.clock = clock;
  }

  /** The whole file, records newest first, with both veto decisions. */
  DossierResponse dossier(String id, ReviewCase reviewCase) {
    CadreDocument doc = cadres.load(id);
    Cadre cadre = doc.cadre();
    return new DossierResponse(
        reviewCase.caseNo(),
        CaseView.of(reviewCase),
        CadreResponse.from(cadre, doc.registeredAt()),
        newestFirst(cadre),
        DimensionSummary.of(cadre.records(), properties.trendRecords()),
        cadre.findings(),
        VetoView.of(vetoRule.decide(cadre.records(), Purpose.PROMOTION)),
        VetoView.of(vetoRule.decide(cadre.records(), Purpose.AWARD)),
        clock.instant());
  }

  /** The records of a file for its keeper, newest first, corrected ones marked. */
  RecordsResponse records(String id) {
    CadreDocument doc = cadres.load(id);
    Cadre cadre = doc.cadre();
    return new RecordsResponse(CadreResponse.from(cadre, doc.registeredAt()), newestFirst(cadre));
  }

  private static List<RecordResponse> newestFirst(Cadre cadre) {
    return cadre.records().stream()
        .sorted(
            Comparator.comparing(EvaluationRecord::date)
                .thenComparing(EvaluationRecord::recordedAt)
                .reversed())
        .map(r -> RecordResponse.from(cadre, r))
        .toList();
  }

  /** Whether the cadre may be considered for {@code kind}, with the records that veto it. */
  EligibilityResponse eligibility(String id, ReviewCase reviewCase, Purpose kind) {
    Cadre cadre = cadres.load(id).cadre();
    VetoDecision decision = vetoRule.decide(cadre.records(), kind);
    return new EligibilityResponse(
        cadre.id(),
        reviewCase.caseNo(),
        reviewCase.id(),
        kind,
        !decision.vetoed(),
        decision.vetoed(),
        decision.reasons());
  }
}
