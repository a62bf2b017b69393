package gov.supervision.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The contract check fails on what the document does not promise, and passes what it does. */
class OpenApiResponsesTest {

  private static final String DOCUMENT =
      """
      {"openapi": "3.1.0", "info": {"title": "t", "version": "v1"},
       "paths": {"/api/items/{id}": {"get": {"responses": {
         "200": {"description": "ok", "content": {"application/json": {"schema":
           {"$ref": "#/components/schemas/Item"}}}},
         "404": {"description": "unknown", "content": {"application/problem+json": {"schema":
           {"$ref": "#/components/schemas/Problem"}}}}}}}},
       "components": {"schemas": {
         "Item": {"type": "object", "required": ["id", "stage"], "properties": {
           "id": {"type": "string", "maxLength": 64},
           "stage": {"type": "string", "enum": ["ASSIGNED", "CLOSED"]},
           "dueDate": {"type": ["string", "null"], "format": "date"}}},
         "Problem": {"type": "object", "required": ["status"], "properties": {
           "status": {"type": "integer", "format": "int32"}}}}}}
      """;

  private final OpenApiResponses contract =
      new OpenApiResponses(JsonMapper.builder().build().readTree(DOCUMENT));

  private static byte[] body(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDocumentedAnswerPasses() {
    assertThat(
            contract.violations(
                "GET",
                "/api/items/i-1",
                200,
                "application/json",
                body("{\"id\":\"i-1\",\"stage\":\"CLOSED\",\"dueDate\":null}")))
        .isEmpty();
    assertThat(
            contract.violations(
                "GET", "/api/items/x", 404, "application/problem+json", body("{\"status\":404}")))
        .isEmpty();
  }

  @Test
  void anUndocumentedStatusFails() {
    assertThat(
            contract.violations(
                "GET", "/api/items/i-1", 409, "application/problem+json", body("{\"status\":409}")))
        .singleElement()
        .asString()
        .contains("status 409 is not documented for /api/items/{id}");
  }

  @Test
  void aBodyThatDoesNotMatchTheSchemaFails() {
    assertThat(
            contract.violations(
                "GET",
                "/api/items/i-1",
                200,
                "application/json",
                body("{\"id\":\"i-1\",\"stage\":\"LOST\"}")))
        .singleElement()
        .asString()
        .contains("/stage");
    assertThat(
            contract.violations(
                "GET", "/api/items/i-1", 200, "application/json", body("{\"stage\":\"CLOSED\"}")))
        .singleElement()
        .asString()
        .contains("id");
  }

  @Test
  void anUndeclaredMediaTypeOrMethodFails() {
    assertThat(contract.violations("GET", "/api/items/i-1", 200, "text/html", body("<p>")))
        .singleElement()
        .asString()
        .contains("text/html");
    assertThat(contract.violations("DELETE", "/api/items/i-1", 204, null, new byte[0]))
        .singleElement()
        .asString()
        .contains("no DELETE");
  }

  @Test
  void pathsOutsideTheDocumentAreNotJudged() {
    assertThat(contract.violations("GET", "/actuator/health", 200, "application/json", body("{}")))
        .isEmpty();
  }
}
