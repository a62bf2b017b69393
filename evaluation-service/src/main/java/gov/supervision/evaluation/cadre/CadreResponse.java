package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.CadreStatus;
import java.time.Instant;

/** A cadre's profile (no file). */
public record CadreResponse(
    String id,
    String name,
    String unit,
    String position,
    CadreStatus status,
    Instant registeredAt) {

  /** The profile of a stored cadre. */
  public static CadreResponse from(Cadre cadre, Instant registeredAt) {
    return new CadreResponse(
        cadre.id(), cadre.name(), cadre.unit(), cadre.position(), cadre.status(), registeredAt);
  }
}
