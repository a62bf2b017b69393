package gov.supervision.evaluation.accesslog;

import java.time.Instant;
import org.bson.Document;

/** One raised alert, as the auditors see it. */
public record Alert(
    String reader,
    ReadingReason reason,
    String reasonLabel,
    int count,
    int threshold,
    Instant windowStart,
    Instant windowEnd,
    Instant raisedAt) {

  static Alert from(Document d) {
    ReadingReason reason = ReadingReason.valueOf(d.getString("reason"));
    return new Alert(
        d.getString("reader"),
        reason,
        reason.label(),
        ((Number) d.get("count")).intValue(),
        ((Number) d.get("threshold")).intValue(),
        d.getDate("windowStart").toInstant(),
        d.getDate("windowEnd").toInstant(),
        d.getDate("raisedAt").toInstant());
  }
}
