package gov.supervision.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each event's JSON body, as the services write it with Jackson 3 defaults, matches its JSON Schema
 * and reads back to the same record; the schemas are strict.
 */
class EventSchemaTest {

  /** Jackson 3 defaults, as a service's {@code JsonMapper} writes the CloudEvents data. */
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  static Schema schemaOf(EventType type) {
    try (InputStream in = EventSchemaTest.class.getResourceAsStream(type.schemaPath())) {
      assertThat(in).as("schema of %s", type).isNotNull();
      return REGISTRY.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode schemaNode(EventType type) {
    try (InputStream in = EventSchemaTest.class.getResourceAsStream(type.schemaPath())) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode body(DomainEvent event) {
    return (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(event));
  }

  static Stream<Arguments> samples() {
    return Stream.of(EventType.values())
        .flatMap(
            t ->
                Stream.of(
                    Arguments.of(t, "full", ContractSamples.full(t)),
                    Arguments.of(t, "nulls", ContractSamples.withNulls(t))));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("samples")
  void serializedRecordMatchesItsSchema(EventType type, String variant, DomainEvent event) {
    ObjectNode json = body(event);

    assertThat(schemaOf(type).validate(json)).as("%s: %s", type, json).isEmpty();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("samples")
  void bodyReadsBackToAnEqualRecord(EventType type, String variant, DomainEvent event) {
    String json = MAPPER.writeValueAsString(event);

    DomainEvent back = MAPPER.readValue(json, type.recordType());

    assertThat(back).isEqualTo(event);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void bodyUsesTheRecordComponentsOnly(EventType type) {
    ObjectNode json = body(ContractSamples.full(type));

    List<String> components =
        Stream.of(type.recordType().getRecordComponents()).map(c -> c.getName()).toList();
    assertThat(json.propertyNames()).containsExactlyInAnyOrderElementsOf(components);
    assertThat(schemaNode(type).get("properties").propertyNames())
        .containsExactlyInAnyOrderElementsOf(components);
  }

  @Test
  void datesAndInstantsAreIsoStrings() {
    ObjectNode published = body(ContractSamples.full(EventType.CHECKLIST_PUBLISHED));
    ObjectNode raised = body(ContractSamples.full(EventType.FINDING_RAISED));

    assertThat(published.get("publishedAt").asString()).isEqualTo("2026-01-15T02:30:00Z");
    assertThat(raised.get("rectifyBy").asString()).isEqualTo("2026-04-30");
    assertThat(raised.get("item").get("dueDate").asString()).isEqualTo("2026-03-01");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void schemaIsAValid2020_12SchemaWithTitleAndDescription(EventType type) {
    JsonNode node = schemaNode(type);
    Schema metaSchema =
        REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    assertThat(metaSchema.validate(node)).isEmpty();
    assertThat(node.get("$schema").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(node.get("title").asString()).matches(".*\\p{IsHan}.*[A-Za-z].*");
    assertThat(node.get("description").asString()).contains(type.ceType(), type.topic());
    assertThat(node.get("additionalProperties").asBoolean(true)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void rejectsAnExtraProperty(EventType type) {
    ObjectNode json = body(ContractSamples.full(type));
    json.put("unexpected", "x");

    assertThat(keywords(schemaOf(type).validate(json))).contains("additionalProperties");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void rejectsABodyMissingAnyRequiredField(EventType type) {
    Schema schema = schemaOf(type);
    List<String> required = new ArrayList<>();
    schemaNode(type).get("required").forEach(n -> required.add(n.asString()));
    assertThat(required).isNotEmpty();

    for (String field : required) {
      ObjectNode json = body(ContractSamples.full(type));
      json.remove(field);
      assertThat(keywords(schema.validate(json))).as("without %s", field).contains("required");
    }
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void rejectsNullInARequiredField(EventType type) {
    Schema schema = schemaOf(type);
    for (JsonNode field : schemaNode(type).get("required")) {
      ObjectNode json = body(ContractSamples.full(type));
      json.putNull(field.asString());
      assertThat(schema.validate(json)).as("null %s", field).isNotEmpty();
    }
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        invalid(EventType.ITEM_OVERDUE, j -> item(j).put("extra", 1)),
        invalid(EventType.ITEM_OVERDUE, j -> item(j).remove("dueDate")),
        invalid(EventType.ITEM_OVERDUE, j -> item(j).put("responsibleUnit", "fgw")),
        invalid(EventType.ITEM_OVERDUE, j -> item(j).put("responsibleUnit", "F")),
        invalid(EventType.ITEM_OVERDUE, j -> item(j).put("dueDate", "2026-02-30")),
        invalid(EventType.ITEM_OVERDUE, j -> item(j).put("dueDate", "01/03/2026")),
        invalid(EventType.ITEM_OVERDUE, j -> item(j).put("dueDate", 20260301)),
        invalid(EventType.ITEM_STAGE_CHANGED, j -> j.put("to", "DONE")),
        invalid(EventType.ITEM_STAGE_CHANGED, j -> j.put("from", "assigned")),
        invalid(EventType.FINDING_RAISED, j -> j.put("severity", "CRITICAL")),
        invalid(EventType.FINDING_RAISED, j -> j.put("cadreId", 7)),
        invalid(EventType.FINDING_VERIFIED, j -> j.put("status", "OPEN")),
        invalid(EventType.FINDING_VERIFIED, j -> j.put("accepted", true)),
        invalid(EventType.FINDING_VERIFIED, j -> j.putNull("note")),
        invalid(EventType.REPORT_DUE, j -> j.put("cadence", "WEEKLY")),
        invalid(EventType.UNIT_EARLY_WARNING_RAISED, j -> j.put("level", "RED")),
        invalid(EventType.UNIT_EARLY_WARNING_RAISED, j -> j.put("redItems", -1)),
        invalid(EventType.UNIT_EARLY_WARNING_RAISED, j -> j.put("unit", "FGW1")),
        invalid(EventType.EVALUATION_RECORDED, j -> j.put("conclusion", "BAD")),
        invalid(EventType.EVALUATION_RECORDED, j -> j.put("source", "RUMOUR")),
        invalid(EventType.CADRE_VETOED, j -> j.putArray("purposes").add("TRANSFER")),
        invalid(EventType.CADRE_VETOED, j -> j.putArray("purposes")),
        invalid(EventType.CADRE_VETOED, j -> j.putArray("purposes").add("AWARD").add("AWARD")),
        invalid(EventType.CADRE_VETOED, j -> j.put("purposes", "PROMOTION")),
        invalid(EventType.CADRE_VETOED, j -> j.putArray("reasons")),
        invalid(EventType.CADRE_VETOED, j -> ((ObjectNode) j.get("reasons").get(0)).remove("date")),
        invalid(EventType.VETO_LAPSED, j -> j.putArray("purposes").add("promotion")),
        invalid(EventType.VETO_LAPSED, j -> j.putArray("purposes")),
        invalid(EventType.UNUSUAL_READING_RAISED, j -> j.put("reason", "CURIOSITY")),
        invalid(EventType.UNUSUAL_READING_RAISED, j -> j.put("count", 0)),
        invalid(EventType.UNUSUAL_READING_RAISED, j -> j.put("windowStart", "2026-03-02")),
        invalid(EventType.ACCESS_LOG_CHECKPOINTED, j -> j.put("seq", 0)),
        invalid(EventType.ACCESS_LOG_CHECKPOINTED, j -> j.put("headHash", "ABC")),
        invalid(EventType.ACCESS_LOG_CHECKPOINTED, j -> j.remove("signature")),
        invalid(EventType.CHECKLIST_PUBLISHED, j -> j.put("publishedAt", "2026-01-15")),
        invalid(EventType.CHECKLIST_PUBLISHED, j -> j.put("year", "2026")));
  }

  private static Arguments invalid(EventType type, Consumer<ObjectNode> change) {
    return Arguments.of(type, change);
  }

  private static ObjectNode item(ObjectNode json) {
    return (ObjectNode) json.get("item");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidBodies")
  void rejectsValuesOutsideTheDomain(EventType type, Consumer<ObjectNode> change) {
    ObjectNode json = body(ContractSamples.full(type));
    change.accept(json);

    assertThat(schemaOf(type).validate(json)).as("%s", json).isNotEmpty();
  }

  private static List<String> keywords(List<Error> errors) {
    return errors.stream().map(Error::getKeyword).toList();
  }
}
