package gov.supervision.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** A document with an outbox in a collection the relay does not sweep stops the start. */
class OutboxCollectionsCheckTest {

  @Document("widgets")
  static class WidgetDocument {
    @Id String id;
    List<OutboxEvent> outbox = new ArrayList<>();
  }

  @Document("gadgets")
  static class GadgetDocument {
    @Id String id;
    List<OutboxEvent> outbox = new ArrayList<>();
  }

  /**
   * An outbox-less document needs no sweeping, and a field of another element type is no outbox.
   */
  @Document("notes")
  static class NoteDocument {
    @Id String id;
    List<String> outbox = new ArrayList<>();
  }

  private static MongoMappingContext mapping() {
    MongoMappingContext mapping = new MongoMappingContext();
    // as Spring Boot sets it up: Instant and the like are simple values, not entities
    mapping.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
    mapping.setInitialEntitySet(
        Set.of(WidgetDocument.class, GadgetDocument.class, NoteDocument.class));
    mapping.afterPropertiesSet();
    return mapping;
  }

  @Test
  void everyCollectionWithAnOutboxSweptStartsFine() {
    OutboxCollectionsCheck check =
        new OutboxCollectionsCheck(mapping(), List.of("widgets", "gadgets"));
    assertThat(check.unsweptCollections()).isEmpty();
    check.afterSingletonsInstantiated();
  }

  @Test
  void anUnsweptCollectionWithAnOutboxIsNamedAndStopsTheStart() {
    OutboxCollectionsCheck check = new OutboxCollectionsCheck(mapping(), List.of("widgets"));
    assertThat(check.unsweptCollections()).containsExactly("gadgets");
    assertThatThrownBy(check::afterSingletonsInstantiated)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[gadgets]")
        .hasMessageContaining("supervision.outbox.collections");
  }
}
