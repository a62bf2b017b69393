package gov.supervision.testsupport.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Keeps the HTTP contract ({@code docs/api.md}) and the code in step: the rows of a service's
 * section ({@code ## <service>}, first column {@code `METHOD /path`}) must be exactly the {@code
 * /api/**} request mappings of the running service.
 */
public final class ApiContract {

  private static final Pattern SECTION = Pattern.compile("^## (\\S+)\\s*$");
  private static final Pattern ROW =
      Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`\\s]*)` \\|.*");

  private ApiContract() {}

  /**
   * Fails unless the section of {@code service} in {@code docs/api.md} lists exactly the endpoints
   * the running service maps.
   */
  public static void assertDocumentsExactly(String service, RequestMappingHandlerMapping mapping) {
    assertThat(documented(service))
        .as("rows of '## %s' in %s (first column `METHOD /path`)", service, apiDocument())
        .isEqualTo(mapped(mapping));
  }

  /** {@code docs/api.md} of the repository this test runs in. */
  public static Path apiDocument() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no repository root (a directory with mvnw) above here");
    }
    return dir.resolve("docs/api.md");
  }

  /** The endpoints ({@code METHOD /path}) the section of {@code service} documents. */
  public static Set<String> documented(String service) {
    Set<String> endpoints = new TreeSet<>();
    String section = null;
    for (String line : lines(apiDocument())) {
      Matcher heading = SECTION.matcher(line);
      if (heading.matches()) {
        section = heading.group(1);
      } else if (line.startsWith("## ")) {
        section = null;
      }
      Matcher row = ROW.matcher(line);
      if (service.equals(section) && row.matches()) {
        endpoints.add(row.group(1) + " " + row.group(2));
      }
    }
    return endpoints;
  }

  /**
   * The {@code /api/**} endpoints ({@code METHOD /path}) the application maps; a mapping without an
   * HTTP method shows as {@code ANY}, which no contract row can match.
   */
  public static Set<String> mapped(RequestMappingHandlerMapping mapping) {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<String> methods = new TreeSet<>();
      info.getMethodsCondition().getMethods().stream()
          .map(RequestMethod::name)
          .forEach(methods::add);
      if (methods.isEmpty()) {
        methods.add("ANY");
      }
      for (String path : info.getPatternValues()) {
        if (path.startsWith("/api/")) {
          methods.forEach(m -> endpoints.add(m + " " + path));
        }
      }
    }
    return endpoints;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
