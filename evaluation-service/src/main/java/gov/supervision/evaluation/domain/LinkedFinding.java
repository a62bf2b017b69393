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

  /**
   * This finding with what only its raise tells (description, severity, deadline, item) filled in
   * from {@code raised} where missing, its status kept: for a raise applied after a status change
   * of the same finding (kept events are attached at registration, after a status change that came
   * in directly).
   */
  public LinkedFinding withDetailsOf(LinkedFinding raised) {
    return new LinkedFinding(
        findingId,
        itemId != null ? itemId : raised.itemId(),
        checklistId != null ? checklistId : raised.checklistId(),
        unit != null ? unit : raised.unit(),
        description != null ? description : raised.description(),
        severity != null ? severity : raised.severity(),
        status,
        rectifyBy != null ? rectifyBy : raised.rectifyBy(),
        updatedAt);
  }
}
