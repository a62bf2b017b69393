package gov.supervision.testsupport.docs;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.DemoIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tables of demo identities in the documentation show the one list (event-contracts'
 * demo-identities.json): every identity, in its order, with its secret, roles and unit.
 */
class DemoIdentityTablesTest {

  /** {@code | `id` | `secret` | `ROLE` | `UNIT` |}, the unit cell empty when there is none. */
  private static final Pattern ROW =
      Pattern.compile(
          "(?m)^\\| `([^`]+)` \\| `([^`]+)` \\| `([^`|]+)` \\| (?:`([^`]+)`)? *\\|\\s*$");

  @ParameterizedTest
  @ValueSource(strings = {"docs/api.md", "README.md"})
  void theTableListsEveryIdentityOfTheList(String file) throws IOException {
    String text = Files.readString(MarkdownLinksTest.repositoryRoot().resolve(file));
    List<String> rows = new ArrayList<>();
    Matcher row = ROW.matcher(text);
    while (row.find()) {
      rows.add(
          String.join(
              " ",
              row.group(1),
              row.group(2),
              row.group(3),
              row.group(4) == null ? "-" : row.group(4)));
    }

    assertThat(rows)
        .as("the demo identity table of %s", file)
        .containsExactlyElementsOf(
            DemoIdentity.ALL.stream()
                .map(
                    demo ->
                        String.join(
                            " ",
                            demo.id(),
                            demo.secret(),
                            String.join(", ", demo.roles()),
                            demo.unit() == null ? "-" : demo.unit()))
                .toList());
  }
}
