package gov.supervision.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.accesslog.AccessLogEvent;
import gov.supervision.contracts.checklist.ChecklistEvent;
import gov.supervision.contracts.evaluation.EvaluationEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue of event types: names, topics and schema files agree with each other. */
class EventTypeTest {

  private static final String CE_TYPE = "^gov\\.supervision\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+$";

  @ParameterizedTest
  @EnumSource(EventType.class)
  void ceTypeFollowsTheNamingRule(EventType type) {
    assertThat(type.ceType()).matches(CE_TYPE);
    assertThat(EventType.ofCeType(type.ceType())).contains(type);
    assertThat(type.schemaPath()).isEqualTo("/schemas/" + type.ceType() + ".json");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void topicIsTheOneOfTheProducer(EventType type) {
    if (ChecklistEvent.class.isAssignableFrom(type.recordType())) {
      assertThat(type.topic()).isEqualTo(Topics.CHECKLIST).isEqualTo("supervision.checklist.v1");
    } else if (AccessLogEvent.class.isAssignableFrom(type.recordType())) {
      assertThat(type.topic()).isEqualTo(Topics.ACCESS_LOG).isEqualTo("evaluation.access-log.v1");
    } else {
      assertThat(type.recordType()).isAssignableTo(EvaluationEvent.class);
      assertThat(type.topic()).isEqualTo(Topics.EVALUATION).isEqualTo("evaluation.cadre.v1");
    }
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void recordMapsBackToItsType(EventType type) {
    assertThat(type.recordType()).isNotNull();
    assertThat(type.recordType().isRecord()).isTrue();
    assertThat(EventType.of(ContractSamples.full(type))).isEqualTo(type);
  }

  @Test
  void everySealedPermittedRecordHasExactlyOneType() {
    Set<Class<?>> permitted =
        Stream.of(ChecklistEvent.class, EvaluationEvent.class, AccessLogEvent.class)
            .flatMap(topicType -> Arrays.stream(topicType.getPermittedSubclasses()))
            .collect(Collectors.toSet());
    Set<Class<?>> mapped =
        Arrays.stream(EventType.values()).map(EventType::recordType).collect(Collectors.toSet());
    assertThat(mapped).hasSize(EventType.values().length).isEqualTo(permitted);
    assertThat(Arrays.stream(EventType.values()).map(EventType::ceType).distinct())
        .hasSize(EventType.values().length);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyTypeHasASchemaFile(EventType type) {
    assertThat(EventTypeTest.class.getResource(type.schemaPath()))
        .as("schema of %s at %s", type, type.schemaPath())
        .isNotNull();
  }

  @Test
  void everySchemaFileBelongsToAType() throws IOException, URISyntaxException {
    Set<String> expected =
        Arrays.stream(EventType.values())
            .map(t -> t.ceType() + ".json")
            .collect(Collectors.toSet());
    assertThat(schemaFileNames()).isEqualTo(expected);
  }

  static Set<String> schemaFileNames() throws IOException, URISyntaxException {
    Path dir = Path.of(EventTypeTest.class.getResource("/schemas").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
