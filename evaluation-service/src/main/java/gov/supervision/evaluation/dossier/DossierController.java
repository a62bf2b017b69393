package gov.supervision.evaluation.dossier;

import gov.supervision.evaluation.cadre.CadreApi.CadreResponse;
import gov.supervision.evaluation.cadre.CadreApi.RecordResponse;
import gov.supervision.evaluation.cadre.CadreDocument;
import gov.supervision.evaluation.cadre.CadreService;
import gov.supervision.evaluation.cadre.VetoProperties;
import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.DimensionSummary;
import gov.supervision.evaluation.domain.EvaluationRecord;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.VetoDecision;
import gov.supervision.evaluation.domain.VetoRule;
import gov.supervision.evaluation.dossier.DossierApi.DossierResponse;
import gov.supervision.evaluation.dossier.DossierApi.EligibilityResponse;
import gov.supervision.evaluation.dossier.DossierApi.VetoView;
import gov.supervision.support.security.CurrentUser;
import java.time.Clock;
import java.util.Comparator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HR's reads of a cadre's file (dossier, promotion and award eligibility). No {@code @PreAuthorize}
 * here on purpose: {@link FileReads} checks the role so that refusals are logged.
 */
@RestController
@RequestMapping("/api/cadres/{id}")
class DossierController {

  private final FileReads reads;
  private final CadreService cadres;
  private final VetoRule vetoRule;
  private final VetoProperties properties;
  private final Clock clock;

  DossierController(
      FileReads reads,
      CadreService cadres,
      VetoRule vetoRule,
      VetoProperties properties,
      Clock clock) {
    this.reads = reads;
    this.cadres = cadres;
    this.vetoRule = vetoRule;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/dossier")
  DossierResponse dossier(
      @PathVariable String id, @RequestParam(required = false) String purpose, CurrentUser user) {
    return reads.read(user, id, purpose, "dossier", () -> dossierOf(id, purpose));
  }

  @GetMapping("/promotion-eligibility")
  EligibilityResponse promotion(
      @PathVariable String id, @RequestParam(required = false) String purpose, CurrentUser user) {
    return reads.read(
        user,
        id,
        purpose,
        "promotion-eligibility",
        () -> eligibility(id, purpose, Purpose.PROMOTION));
  }

  @GetMapping("/award-eligibility")
  EligibilityResponse award(
      @PathVariable String id, @RequestParam(required = false) String purpose, CurrentUser user) {
    return reads.read(
        user, id, purpose, "award-eligibility", () -> eligibility(id, purpose, Purpose.AWARD));
  }

  private DossierResponse dossierOf(String id, String purpose) {
    CadreDocument doc = cadres.load(id);
    Cadre cadre = doc.toDomain();
    return new DossierResponse(
        purpose.strip(),
        CadreResponse.from(cadre, doc.registeredAt()),
        cadre.records().stream()
            .sorted(
                Comparator.comparing(EvaluationRecord::date)
                    .thenComparing(EvaluationRecord::recordedAt)
                    .reversed())
            .map(r -> RecordResponse.from(cadre, r))
            .toList(),
        DimensionSummary.of(cadre.records(), properties.trendRecords()),
        cadre.findings(),
        VetoView.of(vetoRule.decide(cadre.records(), Purpose.PROMOTION)),
        VetoView.of(vetoRule.decide(cadre.records(), Purpose.AWARD)),
        clock.instant());
  }

  private EligibilityResponse eligibility(String id, String purpose, Purpose kind) {
    Cadre cadre = cadres.load(id).toDomain();
    VetoDecision decision = vetoRule.decide(cadre.records(), kind);
    return new EligibilityResponse(
        cadre.id(),
        purpose.strip(),
        kind,
        !decision.vetoed(),
        decision.vetoed(),
        decision.reasons());
  }
}
