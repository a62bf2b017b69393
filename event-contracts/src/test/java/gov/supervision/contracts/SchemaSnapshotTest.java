package gov.supervision.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins every schema file by its SHA-256, so that changing a published contract is a deliberate act:
 * update {@code src/test/resources/schema-snapshots.sha256} in the same commit (and bump the {@code
 * ce_type} version for an incompatible change).
 */
class SchemaSnapshotTest {

  private static final String SNAPSHOT = "/schema-snapshots.sha256";

  @Test
  void everySchemaMatchesItsPinnedHash() throws IOException, URISyntaxException {
    Map<String, String> actual = new TreeMap<>();
    for (String file : EventTypeTest.schemaFileNames()) {
      actual.put(file, sha256("/schemas/" + file));
    }

    String current =
        actual.entrySet().stream()
            .map(e -> e.getValue() + "  " + e.getKey())
            .collect(Collectors.joining("\n", "", "\n"));
    assertThat(pinned())
        .as(
            "A JSON Schema changed. If that is deliberate, replace %s with:%n%s",
            "event-contracts/src/test/resources" + SNAPSHOT, current)
        .isEqualTo(actual);
  }

  private static Map<String, String> pinned() throws IOException {
    try (InputStream in = SchemaSnapshotTest.class.getResourceAsStream(SNAPSHOT)) {
      assertThat(in).as(SNAPSHOT).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\\s+", 2))
          .collect(Collectors.toMap(p -> p[1], p -> p[0], (a, b) -> a, TreeMap::new));
    }
  }

  /** SHA-256 of the file with line endings normalized, so a checkout on Windows hashes alike. */
  private static String sha256(String resource) throws IOException {
    try (InputStream in = SchemaSnapshotTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
