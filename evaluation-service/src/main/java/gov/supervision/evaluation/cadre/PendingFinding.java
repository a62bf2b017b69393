package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.domain.LinkedFinding;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A finding event about a cadre not registered yet, kept (one document per {@code ce_id}) until the
 * cadre is registered.
 */
@Document("pending_findings")
record PendingFinding(
    @Id String eventId, String cadreId, boolean raise, LinkedFinding finding, Instant receivedAt) {}
