package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.Evidence;
import gov.supervision.checklist.domain.Finding;
import gov.supervision.checklist.domain.FindingStatus;
import gov.supervision.checklist.domain.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A finding as the API shows it; {@code evidence} is that of the latest rectification report. */
public record FindingResponse(
    String id,
    String itemId,
    String unit,
    String description,
    Severity severity,
    String cadreId,
    LocalDate rectifyBy,
    FindingStatus status,
    String report,
    List<Evidence> evidence,
    String verificationNote,
    String raisedBy,
    Instant raisedAt,
    Instant rectifiedAt,
    Instant verifiedAt) {

  static FindingResponse of(String itemId, String unit, Finding f) {
    return new FindingResponse(
        f.id(),
        itemId,
        unit,
        f.description(),
        f.severity(),
        f.cadreId(),
        f.rectifyBy(),
        f.status(),
        f.report(),
        f.evidence(),
        f.verificationNote(),
        f.raisedBy(),
        f.raisedAt(),
        f.rectifiedAt(),
        f.verifiedAt());
  }
}
