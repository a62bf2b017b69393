package gov.supervision.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An inspection finding (问题) that names this cadre, delivered by checklist-service's events. */
public record LinkedFinding(
    String findingId,
    String itemId,
    String checklistId,
    String unit,
    String description,
    String severity,
    String status,
    LocalDate rectifyBy,
    Instant updatedAt) {

  /** The same finding in a new status. */
  public LinkedFinding withStatus(String newStatus, Instant at) {
    return new LinkedFinding(
        findingId, itemId, checklistId, unit, description, severity, newStatus, rectifyBy, at);
  }
}
