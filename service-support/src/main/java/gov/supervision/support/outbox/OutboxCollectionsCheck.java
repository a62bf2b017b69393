package gov.supervision.support.outbox;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Stops the start when a document class queues events in an {@code outbox} field but is stored in a
 * collection the relay does not sweep ({@code supervision.outbox.collections}): its events would be
 * written and never published.
 */
class OutboxCollectionsCheck implements SmartInitializingSingleton {

  private final MongoMappingContext mapping;
  private final List<String> swept;

  OutboxCollectionsCheck(MongoMappingContext mapping, List<String> swept) {
    this.mapping = mapping;
    this.swept = swept;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Set<String> unswept = unsweptCollections();
    if (!unswept.isEmpty()) {
      throw new IllegalStateException(
          "documents with an outbox are stored in "
              + unswept
              + ", which supervision.outbox.collections "
              + swept
              + " does not list: their events would never be published");
    }
  }

  /** The collections of documents with an outbox that the relay does not sweep. */
  Set<String> unsweptCollections() {
    Set<String> unswept = new TreeSet<>();
    for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
      if (hasOutbox(entity) && !swept.contains(entity.getCollection())) {
        unswept.add(entity.getCollection());
      }
    }
    return unswept;
  }

  private static boolean hasOutbox(MongoPersistentEntity<?> entity) {
    for (MongoPersistentProperty property : entity) {
      if (property.getName().equals("outbox")
          && property.isCollectionLike()
          && OutboxEvent.class.equals(property.getComponentType())) {
        return true;
      }
    }
    return false;
  }
}
