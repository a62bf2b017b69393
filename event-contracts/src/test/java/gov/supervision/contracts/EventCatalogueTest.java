package gov.supervision.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The event catalogue ({@code docs/events.md}) names exactly the event types of {@link EventType},
 * each under its topic, with its record and a link to its own schema file: it cannot drift from the
 * code.
 */
class EventCatalogueTest {

  private static final Pattern TOPIC = Pattern.compile("^## (\\S+) \\(producer: .*");
  private static final Pattern ROW =
      Pattern.compile("^\\| `(gov\\.supervision\\.[^`]+)` \\| `(\\w+)` \\|.*\\]\\(([^)]+)\\) \\|$");

  record Row(String topic, String record, String schemaLink) {}

  static Map<String, Row> catalogue() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
      root = root.getParent();
    }
    assertThat(root).as("the repository root (holding mvnw)").isNotNull();
    Map<String, Row> rows = new LinkedHashMap<>();
    String topic = null;
    for (String line : Files.readAllLines(root.resolve("docs/events.md"), StandardCharsets.UTF_8)) {
      Matcher heading = TOPIC.matcher(line);
      if (heading.matches()) {
        topic = heading.group(1);
      }
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        assertThat(rows).as("one row per ce_type").doesNotContainKey(row.group(1));
        rows.put(row.group(1), new Row(topic, row.group(2), row.group(3)));
      }
    }
    return rows;
  }

  @Test
  void everyEventTypeHasItsRowAndEveryRowItsType() throws IOException {
    Map<String, Row> rows = catalogue();
    assertThat(rows.keySet())
        .as("ce_types in docs/events.md")
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(EventType.values()).map(EventType::ceType).toList());
    for (EventType type : EventType.values()) {
      Row row = rows.get(type.ceType());
      assertThat(row.topic()).as("topic section of %s", type.ceType()).isEqualTo(type.topic());
      assertThat(row.record())
          .as("record of %s", type.ceType())
          .isEqualTo(type.recordType().getSimpleName());
      assertThat(row.schemaLink())
          .as("schema link of %s", type.ceType())
          .isEqualTo("../event-contracts/src/main/resources" + type.schemaPath());
    }
  }
}
