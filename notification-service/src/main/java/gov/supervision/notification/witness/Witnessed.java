package gov.supervision.notification.witness;

import java.time.Instant;

/** One witnessed checkpoint as the auditors see it; {@code conflicts} counts the other versions. */
record Witnessed(
    long seq,
    String headHash,
    Instant time,
    String keyId,
    String signature,
    String eventId,
    Instant witnessedAt,
    int conflicts) {}
