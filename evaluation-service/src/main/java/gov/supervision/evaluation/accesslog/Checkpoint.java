package gov.supervision.evaluation.accesslog;

import java.time.Instant;
import org.bson.Document;

/** One signed checkpoint as stored and as the auditors see it. */
public record Checkpoint(long seq, String headHash, Instant time, String keyId, String signature) {

  /** The text the signature covers: {@code seq|headHash|time}. */
  static String signedText(long seq, String headHash, Instant time) {
    return seq + "|" + headHash + "|" + time;
  }

  /** Whether the key signed this checkpoint. */
  boolean signedBy(AccessLogKey key) {
    return headHash != null
        && time != null
        && key.verifies(signedText(seq, headHash, time), signature);
  }

  static Checkpoint from(Document d) {
    return new Checkpoint(
        ((Number) d.get("_id")).longValue(),
        d.getString("headHash"),
        d.getDate("time") == null ? null : d.getDate("time").toInstant(),
        d.getString("keyId"),
        d.getString("signature"));
  }
}
