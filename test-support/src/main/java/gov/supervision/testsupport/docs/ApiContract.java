package gov.supervision.testsupport.docs;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.contract.OpenApiResponses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

  /**
   * The OpenAPI document of the service running on {@code port}; also written to {@code
   * target/openapi/<service>.json} (indented, so the linter's line numbers mean something) for the
   * linter.
   */
  public static JsonNode openApi(String service, int port) {
    JsonNode doc = served(port);
    try {
      Path file = Path.of("target", "openapi", service + ".json");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(doc),
          StandardCharsets.UTF_8);
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OpenAPI document ({@code /v3/api-docs}) the service running on {@code port} serves. */
  public static JsonNode served(int port) {
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(answer.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
      return JsonMapper.builder().build().readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Fails unless the service's OpenAPI document is complete: both security schemes (bearer, and
   * OAuth2 with the authorization-code flow for people), every operation with a zh-CN/English
   * summary and a named tag, its error responses (at least 401, 403, 429, 503) as {@code
   * application/problem+json} with the shared {@code ProblemDetails} schema, a valid example for
   * every JSON request body, and the meaning of every enum value of properties and parameters.
   */
  public static void assertOpenApiComplete(JsonNode doc) {
    JsonNode schemes = doc.path("components").path("securitySchemes");
    assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
    assertThat(
            schemes
                .path("oauth2")
                .path("flows")
                .path("authorizationCode")
                .path("authorizationUrl")
                .asString())
        .as("OAuth2 authorization-code flow")
        .isNotBlank();
    assertThat(doc.path("components").path("schemas").has("ProblemDetails"))
        .as("ProblemDetails schema")
        .isTrue();
    List<String> incomplete = new ArrayList<>();
    OpenApiResponses contract = new OpenApiResponses(doc);
    for (Map.Entry<String, JsonNode> schema : doc.path("components").path("schemas").properties()) {
      for (Map.Entry<String, JsonNode> property :
          schema.getValue().path("properties").properties()) {
        incomplete.addAll(
            enumProblems(schema.getKey() + "." + property.getKey(), property.getValue()));
      }
    }
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        JsonNode operation = op.getValue();
        if (!operation.path("summary").asString("").matches(".*[\\u4e00-\\u9fa5].* .*[A-Za-z].*")) {
          incomplete.add(name + ": no zh-CN/English summary");
        }
        JsonNode tags = operation.path("tags");
        if (tags.isEmpty() || tags.get(0).asString().endsWith("-controller")) {
          incomplete.add(name + ": no named tag");
        }
        incomplete.addAll(requestExampleProblems(name, operation, contract));
        for (JsonNode parameter : operation.path("parameters")) {
          incomplete.addAll(
              enumProblems(name + " parameter " + parameter.path("name").asString(), parameter));
        }
        for (String status : List.of("401", "403", "429", "503")) {
          JsonNode schema =
              operation
                  .path("responses")
                  .path(status)
                  .path("content")
                  .path("application/problem+json")
                  .path("schema");
          if (!"#/components/schemas/ProblemDetails".equals(schema.path("$ref").asString(""))) {
            incomplete.add(name + ": no problem+json " + status);
          }
        }
      }
    }
    assertThat(incomplete).as("operations of the OpenAPI document").isEmpty();
  }

  /**
   * A JSON request body needs an example (its record's {@code EXAMPLE}) that is valid against its
   * schema.
   */
  private static List<String> requestExampleProblems(
      String name, JsonNode operation, OpenApiResponses contract) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> media :
        operation.path("requestBody").path("content").properties()) {
      if (!media.getKey().contains("json")) {
        continue;
      }
      JsonNode example = media.getValue().path("example");
      if (example.isMissingNode()) {
        problems.add(name + ": no request example (a public static final EXAMPLE of its record)");
      } else {
        contract.invalid(media.getValue().path("schema"), example).stream()
            .map(error -> name + ": the request example is invalid: " + error)
            .forEach(problems::add);
      }
    }
    return problems;
  }

  /**
   * A property or parameter that takes enum values says what each means, zh-CN and English ({@code
   * 取值 Values: CODE = 中文 English; ...}).
   */
  private static List<String> enumProblems(String name, JsonNode element) {
    JsonNode schema = element.has("schema") ? element.path("schema") : element;
    JsonNode values = schema.has("enum") ? schema.path("enum") : schema.path("items").path("enum");
    if (values.isMissingNode() || values.isEmpty()) {
      return List.of();
    }
    String description = element.path("description").asString("");
    List<String> problems = new ArrayList<>();
    for (JsonNode value : values) {
      if (value.isNull()) {
        continue;
      }
      if (!description.matches(
          "(?s).*\\b" + Pattern.quote(value.asString()) + " = [^;]*[\\u4e00-\\u9fa5][^;]*.*")) {
        problems.add(name + ": no meaning for " + value.asString());
      }
    }
    return problems;
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
