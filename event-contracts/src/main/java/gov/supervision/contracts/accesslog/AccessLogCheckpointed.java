package gov.supervision.contracts.accesslog;

import java.time.Instant;

/**
 * evaluation-service signed the head of its access log: entry {@code seq} has hash {@code
 * headHash}. Witnesses keep every checkpoint outside evaluation-service's database, so that the log
 * cannot later be cut or rewritten below it unnoticed. {@code signature} is HMAC-SHA256 (hex) over
 * {@code seq|headHash|time} with the key {@code keyId} names, which only evaluation-service holds;
 * key = {@link #KEY} (one partition keeps the checkpoints in order).
 */
public record AccessLogCheckpointed(
    long seq, String headHash, Instant time, String keyId, String signature)
    implements AccessLogEvent {

  /** The Kafka key of every checkpoint. */
  public static final String KEY = "access-log";

  @Override
  public String subject() {
    return KEY;
  }
}
