package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.FocusArea;
import gov.supervision.checklist.domain.Item;
import gov.supervision.checklist.domain.Light;
import gov.supervision.checklist.domain.Stage;
import gov.supervision.checklist.domain.SupervisionMethod;
import gov.supervision.support.outbox.OutboxEvents;
import gov.supervision.support.store.OptimisticRetry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads and writes item documents. Every write is one document write that carries the change and
 * the events it caused (the outbox), so the relay can never miss or invent one.
 */
@Component
public class ItemStore {

  private final MongoTemplate mongo;
  private final OutboxEvents outboxEvents;

  ItemStore(MongoTemplate mongo, OutboxEvents outboxEvents) {
    this.mongo = mongo;
    this.outboxEvents = outboxEvents;
  }

  /** Stores a new item with the events it recorded. */
  public Item insert(Item item) {
    ItemDocument document = new ItemDocument(item);
    item.drainEvents().forEach(e -> document.outbox.add(outboxEvents.of(e)));
    mongo.insert(document);
    return item;
  }

  /** Stores many new items (import), each document with its own events. */
  public void insertAll(List<Item> items) {
    List<ItemDocument> documents =
        items.stream()
            .map(
                item -> {
                  ItemDocument document = new ItemDocument(item);
                  item.drainEvents().forEach(e -> document.outbox.add(outboxEvents.of(e)));
                  return document;
                })
            .toList();
    mongo.insertAll(documents);
  }

  public Optional<Item> find(String id) {
    return Optional.ofNullable(mongo.findById(id, ItemDocument.class)).map(ItemDocument::item);
  }

  /** The item that holds the finding, if any. */
  public Optional<Item> byFinding(String findingId) {
    return Optional.ofNullable(
            mongo.findOne(
                new Query(Criteria.where("item.findings.id").is(findingId)), ItemDocument.class))
        .map(ItemDocument::item);
  }

  /**
   * Applies a change to the current state of an item and writes it with its events in one write; a
   * concurrent change (optimistic lock) makes it re-read and re-apply. Empty when there is no such
   * item.
   */
  public Optional<Item> update(String id, Consumer<Item> change) {
    return updateIf(
        id,
        item -> {
          change.accept(item);
          return true;
        });
  }

  /** As {@link #update}, but writes only when {@code change} answers true (something changed). */
  public Optional<Item> updateIf(String id, Predicate<Item> change) {
    return OptimisticRetry.retry(
        () -> {
          ItemDocument document = mongo.findById(id, ItemDocument.class);
          if (document == null) {
            return Optional.empty();
          }
          boolean changed = change.test(document.item);
          var events = document.item.drainEvents();
          if (changed || !events.isEmpty()) {
            events.forEach(e -> document.outbox.add(outboxEvents.of(e)));
            mongo.save(document);
          }
          return Optional.of(document.item);
        });
  }

  /**
   * Applies {@code change} to every item of a checklist not published yet and writes them back in
   * one unordered bulk write: each replacement carries the events its change raised in its outbox
   * and is conditional on the version it was read at, as {@link #updateIf} is one by one. An item
   * changed meanwhile is not written; {@link #unpublishedIds} still lists it for a retry one by
   * one. Returns how many items were written.
   */
  public int updateUnpublishedOf(String checklistId, Predicate<Item> change) {
    List<ItemDocument> documents =
        mongo.find(
            new Query(
                Criteria.where("item.checklistId").is(checklistId).and("item.published").is(false)),
            ItemDocument.class);
    BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ItemDocument.class);
    int queued = 0;
    for (ItemDocument document : documents) {
      boolean changed = change.test(document.item);
      var events = document.item.drainEvents();
      if (!changed && events.isEmpty()) {
        continue;
      }
      events.forEach(e -> document.outbox.add(outboxEvents.of(e)));
      Long read = document.version;
      document.version = read == null ? 0 : read + 1;
      writes.replaceOne(
          new Query(Criteria.where("_id").is(document.id).and("version").is(read)), document);
      queued++;
    }
    return queued == 0 ? 0 : writes.execute().getModifiedCount();
  }

  /**
   * Items matching the filter, one page, by due date (earliest first unless {@code order} is
   * descending), ties by id so that pages never overlap.
   */
  public List<Item> page(
      ItemFilter filter,
      Sort.Direction order,
      LocalDate today,
      long yellowDays,
      int page,
      int size) {
    Query query = filter.query(today, yellowDays).with(Sort.by(order, "item.dueDate", "_id"));
    query.skip((long) page * size).limit(size);
    return mongo.find(query, ItemDocument.class).stream().map(ItemDocument::item).toList();
  }

  public long count(ItemFilter filter, LocalDate today, long yellowDays) {
    return mongo.count(filter.query(today, yellowDays), ItemDocument.class);
  }

  /** Every item of a checklist. */
  public List<Item> ofChecklist(String checklistId) {
    return mongo
        .find(
            new Query(Criteria.where("item.checklistId").is(checklistId))
                .with(Sort.by("item.dueDate", "_id")),
            ItemDocument.class)
        .stream()
        .map(ItemDocument::item)
        .toList();
  }

  /**
   * Removes an item that is not published (one conditional single-document write, so a publication
   * that got there first wins); true when it was removed.
   */
  public boolean deleteUnpublished(String id) {
    Query query = new Query(Criteria.where("_id").is(id).and("item.published").is(false));
    return mongo.remove(query, ItemDocument.class).getDeletedCount() == 1;
  }

  /** Ids of a checklist's items not published yet. */
  public List<String> unpublishedIds(String checklistId) {
    Query query =
        new Query(
            Criteria.where("item.checklistId").is(checklistId).and("item.published").is(false));
    query.fields().include("_id");
    return mongo.find(query, ItemDocument.class).stream().map(d -> d.id).toList();
  }

  /** Ids of every published item that is not closed (the scan's work list). */
  public List<String> openPublishedIds() {
    Query query =
        new Query(Criteria.where("item.published").is(true).and("item.stage").ne(Stage.CLOSED));
    query.fields().include("_id");
    return mongo.find(query, ItemDocument.class).stream().map(d -> d.id).toList();
  }

  /** Published open items of a unit (for its early-warning indicators). */
  public Stream<Item> openPublishedOfUnit(String unit) {
    return mongo
        .find(
            new Query(
                Criteria.where("item.responsibleUnit")
                    .is(unit)
                    .and("item.published")
                    .is(true)
                    .and("item.stage")
                    .ne(Stage.CLOSED)),
            ItemDocument.class)
        .stream()
        .map(ItemDocument::item);
  }

  /** Units that have published open items. */
  public List<String> unitsWithOpenItems() {
    return mongo
        .findDistinct(
            new Query(Criteria.where("item.published").is(true).and("item.stage").ne(Stage.CLOSED)),
            "item.responsibleUnit",
            ItemDocument.class,
            String.class)
        .stream()
        .sorted()
        .toList();
  }

  /**
   * Criteria of the items list (each null one is left out); light is turned into due-date ranges of
   * open items; {@code publishedOnly} leaves out the items of draft checklists.
   */
  public record ItemFilter(
      String checklistId,
      String unit,
      Stage stage,
      Light light,
      SupervisionMethod method,
      FocusArea focusArea,
      String responsiblePerson,
      boolean publishedOnly) {

    Query query(LocalDate today, long yellowDays) {
      List<Criteria> all = new ArrayList<>();
      if (checklistId != null) {
        all.add(Criteria.where("item.checklistId").is(checklistId));
      }
      if (unit != null) {
        all.add(Criteria.where("item.responsibleUnit").is(unit));
      }
      if (responsiblePerson != null) {
        all.add(Criteria.where("item.responsiblePerson").is(responsiblePerson));
      }
      if (publishedOnly) {
        all.add(Criteria.where("item.published").is(true));
      }
      if (method != null) {
        all.add(Criteria.where("item.method").is(method));
      }
      if (focusArea != null) {
        all.add(Criteria.where("item.focusArea").is(focusArea));
      }
      if (stage != null) {
        all.add(Criteria.where("item.stage").is(stage));
      }
      if (light != null) {
        all.add(Criteria.where("item.stage").ne(Stage.CLOSED)); // closed items have no light
        LocalDate yellowEnd = today.plusDays(yellowDays);
        all.add(
            switch (light) {
              case RED -> Criteria.where("item.dueDate").lt(today);
              case YELLOW -> Criteria.where("item.dueDate").gte(today).lte(yellowEnd);
              case GREEN -> Criteria.where("item.dueDate").gt(yellowEnd);
            });
      }
      return new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all));
    }
  }
}
