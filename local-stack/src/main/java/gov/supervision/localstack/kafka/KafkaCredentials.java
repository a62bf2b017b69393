package gov.supervision.localstack.kafka;

import gov.supervision.contracts.TopicAccess;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SCRAM-SHA-512 passwords of the local broker's principals: {@value #ADMIN} (the broker itself
 * and the operator, a super user) and one per service of {@link TopicAccess#SUITE}. Generated once
 * per data directory into {@value #FILE_NAME} there, readable by the owner only, and never printed:
 * the local stack hands each service its own through the environment.
 */
public final class KafkaCredentials {

  /** The broker's own principal and the operator's: a super user. */
  public static final String ADMIN = "admin";

  /** The services' mechanism. */
  public static final String MECHANISM = "SCRAM-SHA-512";

  /**
   * The admin's mechanism: checked against the broker's own configuration, so the admin gets in
   * before any SCRAM credential exists, and sets them.
   */
  public static final String ADMIN_MECHANISM = "PLAIN";

  /** Plain SASL on loopback (no TLS: the listener binds 127.0.0.1 only). */
  public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";

  static final String FILE_NAME = "sasl-credentials.properties";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> passwords;

  private KafkaCredentials(Map<String, String> passwords) {
    this.passwords = Map.copyOf(passwords);
  }

  /**
   * The passwords kept in {@code dataDir}; those missing (first start, or a principal added since)
   * are generated and saved, with the file readable by its owner only.
   */
  public static KafkaCredentials loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    Set<String> principals = new TreeSet<>(TopicAccess.SUITE.services());
    principals.add(ADMIN);
    try {
      Properties saved = new Properties();
      if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          saved.load(in);
        }
      }
      Map<String, String> passwords = new LinkedHashMap<>();
      boolean added = false;
      for (String principal : principals) {
        String password = saved.getProperty(principal);
        if (password == null || password.isBlank()) {
          password = newPassword();
          saved.setProperty(principal, password);
          added = true;
        }
        passwords.put(principal, password);
      }
      if (added) {
        save(dataDir, file, saved);
      }
      return new KafkaCredentials(passwords);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the Kafka credentials " + file, e);
    }
  }

  /** Every principal, the admin included. */
  public Set<String> principals() {
    return new TreeSet<>(passwords.keySet());
  }

  /** The password of {@code principal}. */
  String password(String principal) {
    String password = passwords.get(principal);
    if (password == null) {
      throw new IllegalArgumentException("no Kafka principal " + principal);
    }
    return password;
  }

  /** The services' principals (every one but the admin). */
  public Set<String> services() {
    Set<String> services = principals();
    services.remove(ADMIN);
    return services;
  }

  /** The client settings that log in as {@code principal} (without {@code bootstrap.servers}). */
  public Map<String, Object> clientProperties(String principal) {
    boolean admin = ADMIN.equals(principal);
    return Map.of(
        "security.protocol", SECURITY_PROTOCOL,
        "sasl.mechanism", admin ? ADMIN_MECHANISM : MECHANISM,
        "sasl.jaas.config", admin ? plainLogin() : scramLogin(principal));
  }

  /**
   * The environment that makes a service's Kafka clients (producers, consumers, the admin, the
   * dead-letter publisher: all built from Spring Boot's Kafka properties) log in as its own
   * principal; empty for a process that does not use Kafka. Topics come from the broker, so the
   * service declares none itself (its principal may not create topics).
   */
  public Map<String, String> serviceEnvironment(String service) {
    if (!TopicAccess.SUITE.services().contains(service)) {
      return Map.of();
    }
    return Map.of(
        "SPRING_KAFKA_SECURITY_PROTOCOL",
        SECURITY_PROTOCOL,
        "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
        MECHANISM,
        "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
        scramLogin(service),
        "SPRING_KAFKA_ADMIN_AUTO_CREATE",
        "false");
  }

  String scramLogin(String principal) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + principal
        + "\" password=\""
        + password(principal)
        + "\";";
  }

  private String plainLogin() {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + ADMIN
        + "\" password=\""
        + password(ADMIN)
        + "\";";
  }

  /** The broker's side of PLAIN: the admin is its only user (and the broker logs in as it). */
  String plainAdminServer() {
    return plainLogin().replace("\";", "\" user_" + ADMIN + "=\"" + password(ADMIN) + "\";");
  }

  private static String newPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void save(Path dir, Path file, Properties saved) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "sasl-credentials", ".tmp");
    ownerOnly(tmp);
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      saved.store(out, "Kafka SCRAM passwords of the local stack; owner-only, never commit");
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Readable and writable by the owner only (a no-op where the file system is not POSIX). */
  static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // the file keeps the user profile's own ACLs
    }
  }
}
