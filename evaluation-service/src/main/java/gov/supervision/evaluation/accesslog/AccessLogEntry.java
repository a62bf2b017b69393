package gov.supervision.evaluation.accesslog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;

/**
 * One read of a personnel file: who (token {@code sub} and roles), when, which cadre, for what
 * purpose, through which endpoint, and the HTTP status it ended with; chained to its predecessor by
 * {@code prevHash}, sealed by {@code hash = SHA-256(prevHash + canonical fields)} and authenticated
 * by {@code mac = HMAC-SHA256(key, hash)} with the {@link AccessLogKey} that is not in the store
 * (entries written before seals existed have none).
 */
public record AccessLogEntry(
    long seq,
    String actor,
    List<String> roles,
    Instant at,
    String cadreId,
    String purpose,
    String endpoint,
    int outcome,
    String requestId,
    String prevHash,
    String hash,
    String mac) {

  /** The hash of the entry before the first. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * The fields the hash covers, each length-prefixed so that no two different entries share a
   * canonical form (a {@code |} inside a purpose cannot shift a field boundary).
   */
  String canonical() {
    StringBuilder out = new StringBuilder();
    for (String field :
        new String[] {
          Long.toString(seq),
          actor,
          String.join(",", roles),
          at.toString(),
          cadreId,
          purpose,
          endpoint,
          Integer.toString(outcome),
          requestId
        }) {
      out.append(field == null ? -1 : field.length()).append(':');
      if (field != null) {
        out.append(field);
      }
      out.append(';');
    }
    return out.toString();
  }

  /** The hash this entry should carry given its fields and {@code prevHash}. */
  String expectedHash() {
    return sha256(prevHash + canonical());
  }

  /** This entry with its chain link and seal computed. */
  AccessLogEntry sealedAfter(String previousHash) {
    AccessLogEntry linked =
        new AccessLogEntry(
            seq,
            actor,
            roles,
            at,
            cadreId,
            purpose,
            endpoint,
            outcome,
            requestId,
            previousHash,
            null,
            null);
    return new AccessLogEntry(
        seq,
        actor,
        roles,
        at,
        cadreId,
        purpose,
        endpoint,
        outcome,
        requestId,
        previousHash,
        linked.expectedHash(),
        null);
  }

  /** This entry with its seal by the key. */
  AccessLogEntry macBy(AccessLogKey key) {
    return new AccessLogEntry(
        seq,
        actor,
        roles,
        at,
        cadreId,
        purpose,
        endpoint,
        outcome,
        requestId,
        prevHash,
        hash,
        key.mac(hash));
  }

  Document toDocument() {
    return new Document("_id", seq)
        .append("actor", actor)
        .append("roles", roles)
        .append("at", Date.from(at))
        .append("cadreId", cadreId)
        .append("purpose", purpose)
        .append("endpoint", endpoint)
        .append("outcome", outcome)
        .append("requestId", requestId)
        .append("prevHash", prevHash)
        .append("hash", hash)
        .append("mac", mac);
  }

  static AccessLogEntry from(Document d) {
    Object at = d.get("at");
    return new AccessLogEntry(
        ((Number) d.get("_id")).longValue(),
        d.getString("actor"),
        d.getList("roles", String.class, List.of()),
        at instanceof Date date ? date.toInstant() : Instant.EPOCH,
        d.getString("cadreId"),
        d.getString("purpose"),
        d.getString("endpoint"),
        d.get("outcome") instanceof Number n ? n.intValue() : -1,
        d.getString("requestId"),
        d.getString("prevHash"),
        d.getString("hash"),
        d.getString("mac"));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
