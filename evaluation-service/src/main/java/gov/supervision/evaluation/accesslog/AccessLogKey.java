package gov.supervision.evaluation.accesslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that seals each access-log entry and signs each checkpoint (HMAC-SHA256). It is never
 * stored in MongoDB, so whoever can write the store still cannot forge a seal or a checkpoint: in
 * the {@code local} profile it lives in a key file outside the store (created 0600 on first start),
 * elsewhere it is injected ({@code supervision.access-log.key}, base64, at least 32 bytes) and the
 * service refuses to start without it.
 */
public final class AccessLogKey {

  private static final Logger log = LoggerFactory.getLogger(AccessLogKey.class);
  static final int MIN_BYTES = 32;

  private final SecretKeySpec key;
  private final String id;

  AccessLogKey(byte[] secret) {
    if (secret.length < MIN_BYTES) {
      throw new IllegalStateException(
          "the access-log key must be at least " + MIN_BYTES + " bytes, it has " + secret.length);
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.id = "k-" + sha256Hex(secret).substring(0, 8);
  }

  /**
   * The key to use: the injected one when given; else, in the {@code local} profile only, the one
   * in {@code keyFile} (made on first use, readable by its owner only).
   *
   * @throws IllegalStateException outside {@code local} without an injected key, or with a short
   *     one
   */
  static AccessLogKey load(String injected, Path keyFile, boolean local) {
    if (injected != null && !injected.isBlank()) {
      return new AccessLogKey(decode(injected.strip(), "supervision.access-log.key"));
    }
    if (!local) {
      throw new IllegalStateException(
          "supervision.access-log.key is not set: outside the local profile the access-log key"
              + " must be injected (base64 of at least 32 random bytes, e.g. from a secret store)");
    }
    return new AccessLogKey(readOrCreate(keyFile));
  }

  private static byte[] readOrCreate(Path keyFile) {
    try {
      if (!Files.exists(keyFile)) {
        create(keyFile);
      }
      return decode(
          Files.readString(keyFile, StandardCharsets.US_ASCII).strip(), keyFile.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the access-log key " + keyFile, e);
    }
  }

  private static void create(Path keyFile) throws IOException {
    Path dir = keyFile.toAbsolutePath().getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
    byte[] secret = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(secret);
    // written whole beside the key file, then linked to its name: an instance starting at the same
    // moment reads either no file or the whole key, never a half-written one, and never replaces it
    Path written =
        posix
            ? Files.createTempFile(
                dir,
                ".access-log",
                ".key",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".access-log", ".key");
    try {
      Files.writeString(written, Base64.getEncoder().encodeToString(secret) + "\n");
      publish(written, keyFile);
      log.info(
          "created the access-log key {} (keep it: without it the log cannot be verified)",
          keyFile);
    } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
      log.debug("the access-log key {} was made by another instance", keyFile);
    } finally {
      Files.deleteIfExists(written);
    }
  }

  /** Gives {@code written} the name {@code keyFile} unless that name exists already. */
  private static void publish(Path written, Path keyFile) throws IOException {
    try {
      Files.createLink(keyFile, written);
    } catch (UnsupportedOperationException noHardLinks) {
      Files.move(written, keyFile); // refuses an existing target
    }
  }

  private static byte[] decode(String base64, String where) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the access-log key in " + where + " is not base64");
    }
  }

  /** Names the key without revealing it: {@code k-} and 8 hex digits of its SHA-256. */
  public String id() {
    return id;
  }

  /** HMAC-SHA256 of the text, lower-case hex. */
  public String mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code mac} is this key's MAC of the text (compared in constant time). */
  public boolean verifies(String text, String mac) {
    return mac != null
        && MessageDigest.isEqual(
            mac(text).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
