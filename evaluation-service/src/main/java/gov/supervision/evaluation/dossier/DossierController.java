package gov.supervision.evaluation.dossier;

import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.dossier.FileReads.CaseReference;
import gov.supervision.support.security.CurrentUser;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HR's reads of a cadre's file (dossier, its printed form, promotion and award eligibility), each
 * for a review case, and the evaluator's read of the records they keep. No {@code @PreAuthorize}
 * here on purpose: {@link FileReads} checks the role and the case so that refusals are logged.
 */
@RestController
@RequestMapping("/api/cadres/{id}")
class DossierController {

  private final FileReads reads;
  private final Dossiers dossiers;
  private final DossierPdf pdf;

  DossierController(FileReads reads, Dossiers dossiers, DossierPdf pdf) {
    this.reads = reads;
    this.dossiers = dossiers;
    this.pdf = pdf;
  }

  @GetMapping("/dossier")
  DossierResponse dossier(
      @PathVariable String id,
      @RequestParam(required = false) @Size(max = 64) String caseId,
      @RequestParam(required = false) @Size(max = 20) String purpose,
      CurrentUser user) {
    return reads.read(
        user,
        id,
        new CaseReference(caseId, purpose),
        "dossier",
        null,
        reviewCase -> dossiers.dossier(id, reviewCase));
  }

  /** The file printed as an A4 PDF, watermarked on every page with the reader and the time. */
  @GetMapping(path = "/dossier.pdf")
  ResponseEntity<byte[]> printed(
      @PathVariable String id,
      @RequestParam(required = false) @Size(max = 64) String caseId,
      @RequestParam(required = false) @Size(max = 20) String purpose,
      CurrentUser user,
      @AuthenticationPrincipal Jwt jwt) {
    byte[] document =
        reads.read(
            user,
            id,
            new CaseReference(caseId, purpose),
            "dossier.pdf",
            null,
            reviewCase -> pdf.render(dossiers.dossier(id, reviewCase), Reader.of(jwt, user)));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("dossier-" + id + ".pdf").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(document);
  }

  /** The records of the file for the evaluator who keeps it, to correct them; logged. */
  @GetMapping("/evaluations")
  RecordsResponse records(@PathVariable String id, CurrentUser user) {
    return reads.readForUpkeep(user, id, "evaluations", () -> dossiers.records(id));
  }

  @GetMapping("/promotion-eligibility")
  EligibilityResponse promotion(
      @PathVariable String id,
      @RequestParam(required = false) @Size(max = 64) String caseId,
      @RequestParam(required = false) @Size(max = 20) String purpose,
      CurrentUser user) {
    return reads.read(
        user,
        id,
        new CaseReference(caseId, purpose),
        "promotion-eligibility",
        Purpose.PROMOTION,
        reviewCase -> dossiers.eligibility(id, reviewCase, Purpose.PROMOTION));
  }

  @GetMapping("/award-eligibility")
  EligibilityResponse award(
      @PathVariable String id,
      @RequestParam(required = false) @Size(max = 64) String caseId,
      @RequestParam(required = false) @Size(max = 20) String purpose,
      CurrentUser user) {
    return reads.read(
        user,
        id,
        new CaseReference(caseId, purpose),
        "award-eligibility",
        Purpose.AWARD,
        reviewCase -> dossiers.eligibility(id, reviewCase, Purpose.AWARD));
  }
}
