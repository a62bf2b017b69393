package gov.supervision.notification.witness;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One witnessed checkpoint, {@code _id = seq}: the first checkpoint of its number, never changed;
 * the different ones published later for the same number in {@code conflicts}.
 */
@Document(WitnessedCheckpointDocument.COLLECTION)
record WitnessedCheckpointDocument(
    @Id long seq,
    String headHash,
    Instant time,
    String keyId,
    String signature,
    String eventId,
    Instant witnessedAt,
    List<Conflict> conflicts) {

  static final String COLLECTION = "witnessed_checkpoints";

  /** A different checkpoint published for a number already witnessed. */
  record Conflict(String headHash, Instant time, String signature, String eventId) {}

  Witnessed witnessed() {
    return new Witnessed(
        seq,
        headHash,
        time,
        keyId,
        signature,
        eventId,
        witnessedAt,
        conflicts == null ? 0 : conflicts.size());
  }
}
