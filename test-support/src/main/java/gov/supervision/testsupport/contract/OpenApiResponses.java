package gov.supervision.testsupport.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an HTTP answer against a service's published OpenAPI 3.1 document: the operation (path
 * template and method) must list the status code, the answer's media type must be one the response
 * declares, and a JSON body must be valid against the response's schema (JSON Schema 2020-12, which
 * OpenAPI 3.1 schemas are; {@code #/components/...} references resolve against the document).
 * Answers to paths the document does not list are not judged here.
 */
public final class OpenApiResponses {

  /** OpenAPI 3.1's dialect; {@code components} beside a schema only holds what $refs point to. */
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          Dialect.builder(Dialects.getOpenApi31())
              .keyword(new NonValidationKeyword("components"))
              .build());

  private static final Pattern VARIABLE = Pattern.compile("\\{[^/}]+}");

  private final JsonNode document;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<Pattern, String> templates = new LinkedHashMap<>();
  private final Map<JsonNode, Schema> schemas = new IdentityHashMap<>();

  public OpenApiResponses(JsonNode document) {
    this.document = document;
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      String template = path.getKey();
      StringBuilder regex = new StringBuilder();
      int last = 0;
      var variable = VARIABLE.matcher(template);
      while (variable.find()) {
        regex.append(Pattern.quote(template.substring(last, variable.start()))).append("[^/]+");
        last = variable.end();
      }
      regex.append(Pattern.quote(template.substring(last)));
      templates.put(Pattern.compile(regex.toString()), template);
    }
  }

  /**
   * What is wrong with this answer by the document (empty when it is right, or when the document
   * has no such path).
   */
  public List<String> violations(
      String method, String path, int status, String contentType, byte[] body) {
    String template = template(path);
    if (template == null) {
      return List.of();
    }
    String name = method.toUpperCase(Locale.ROOT) + " " + path + " -> " + status;
    JsonNode operation =
        document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      return status == 405 ? List.of() : List.of(name + ": the document has no " + method);
    }
    JsonNode response = operation.path("responses").path(String.valueOf(status));
    if (response.isMissingNode()) {
      response = operation.path("responses").path(status / 100 + "XX");
    }
    if (response.isMissingNode()) {
      response = operation.path("responses").path("default");
    }
    if (response.isMissingNode()) {
      return List.of(name + ": status " + status + " is not documented for " + template);
    }
    if (body == null || body.length == 0) {
      return List.of();
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return List.of(name + ": a body where the document declares none");
    }
    JsonNode media = mediaOf(content, contentType);
    if (media == null) {
      return List.of(
          name + ": media type " + contentType + " is not among " + content.propertyNames());
    }
    if (contentType == null
        || !MediaType.parseMediaType(contentType).getSubtype().contains("json")) {
      return List.of();
    }
    JsonNode schema = media.path("schema");
    if (schema.isMissingNode()) {
      return List.of();
    }
    JsonNode answer;
    try {
      answer = json.readTree(body);
    } catch (JacksonException e) {
      return List.of(name + ": the body is not JSON: " + e.getOriginalMessage());
    }
    return invalid(schema, answer).stream().map(error -> name + ": " + error).toList();
  }

  /** Why {@code value} is not valid against {@code schema}, a schema of this document. */
  public List<String> invalid(JsonNode schema, JsonNode value) {
    List<String> found = new ArrayList<>();
    for (Error error : schemaOf(schema).validate(value)) {
      found.add(error.toString());
    }
    return found;
  }

  /** The documented path template a request path falls under, or null. */
  String template(String path) {
    String exact = document.path("paths").has(path) ? path : null;
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<Pattern, String> template : templates.entrySet()) {
      if (template.getKey().matcher(path).matches()) {
        return template.getValue();
      }
    }
    return null;
  }

  private static JsonNode mediaOf(JsonNode content, String contentType) {
    if (contentType == null) {
      return content.path("*/*").isMissingNode() ? null : content.path("*/*");
    }
    MediaType actual = MediaType.parseMediaType(contentType);
    for (Map.Entry<String, JsonNode> declared : content.properties()) {
      if (MediaType.parseMediaType(declared.getKey()).includes(actual)) {
        return declared.getValue();
      }
    }
    return null;
  }

  /** The response schema with the document's components beside it, so its $refs resolve. */
  private synchronized Schema schemaOf(JsonNode schema) {
    return schemas.computeIfAbsent(schema, this::withComponents);
  }

  private Schema withComponents(JsonNode schema) {
    ObjectNode root = json.createObjectNode();
    root.set("allOf", json.createArrayNode().add(schema));
    root.set("components", document.path("components"));
    return SCHEMAS.getSchema(root);
  }
}
