package gov.supervision.testsupport.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Markdown link of the repository resolves inside it; the check itself catches each kind. */
class MarkdownLinksTest {

  @Test
  void everyLinkOfTheRepositoryResolvesInsideIt() {
    MarkdownLinks links = new MarkdownLinks(repositoryRoot());
    assertThat(links.markdownFiles())
        .as("the repository's Markdown files")
        .anyMatch(p -> p.endsWith("README.md"))
        .anyMatch(p -> p.endsWith("docs/domain.md"));
    assertThat(links.broken()).as("broken links").isEmpty();
  }

  @Test
  void catchesEachKindOfBrokenLink(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("docs/guide.md"), "# 指南 Guide\n\n## The closed loop\n");
    Files.writeString(
        repo.resolve("README.md"),
        """
        # Title

        [fine](docs/guide.md) [fine anchor](docs/guide.md#the-closed-loop)
        [fine zh](docs/guide.md#指南-guide) [own heading](#title) [suite](http://localhost:8080/)
        `[in code](missing.md)`

        ```
        [in a block](missing.md)
        ```

        [missing file](docs/nope.md)
        [missing anchor](docs/guide.md#nowhere)
        [outside](../shared/docs/api.md)
        [elsewhere](https://example.org/x)
        [ref]: ../../etc/passwd
        <a href="#no-heading">html</a>
        """);

    MarkdownLinks links = new MarkdownLinks(repo);

    assertThat(links.broken())
        .extracting(MarkdownLinks.Broken::target)
        .containsExactly(
            "docs/nope.md",
            "docs/guide.md#nowhere",
            "../shared/docs/api.md",
            "https://example.org/x",
            "../../etc/passwd",
            "#no-heading");
    assertThat(links.broken()).extracting(MarkdownLinks.Broken::line).startsWith(11, 12, 13, 14);
  }

  @Test
  void slugsFollowGitHub() {
    assertThat(MarkdownLinks.slug("The closed loop (闭环管理)")).isEqualTo("the-closed-loop-闭环管理");
    assertThat(MarkdownLinks.slug("`ce_type` and [links](x.md)")).isEqualTo("ce_type-and-links");
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a parent directory holding mvnw").isNotNull();
    return dir;
  }
}
