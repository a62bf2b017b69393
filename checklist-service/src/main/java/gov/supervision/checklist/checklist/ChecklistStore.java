package gov.supervision.checklist.checklist;

import gov.supervision.checklist.domain.Checklist;
import gov.supervision.checklist.domain.ChecklistStatus;
import gov.supervision.contracts.Refusal;
import gov.supervision.support.outbox.OutboxEvents;
import gov.supervision.support.store.OptimisticRetry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads and writes checklist documents, each change with its events in one write. */
@Component
public class ChecklistStore {

  private final MongoTemplate mongo;
  private final OutboxEvents outboxEvents;

  ChecklistStore(MongoTemplate mongo, OutboxEvents outboxEvents) {
    this.mongo = mongo;
    this.outboxEvents = outboxEvents;
  }

  /** Stores a new checklist; a second one for the same scope and year is a 409 (duplicate key). */
  public Checklist insert(Checklist checklist) {
    ChecklistDocument document = new ChecklistDocument(checklist);
    checklist.drainEvents().forEach(e -> document.outbox.add(outboxEvents.of(e)));
    mongo.insert(document);
    return checklist;
  }

  /** The checklist, or 404 (Refusal.notFound). */
  public Checklist get(String id) {
    ChecklistDocument document = mongo.findById(id, ChecklistDocument.class);
    if (document == null) {
      throw Refusal.notFound("checklist", id);
    }
    return document.checklist;
  }

  /**
   * Applies a change to the current state and writes it with its events in one write; a lost race
   * re-reads and re-applies ({@link OptimisticRetry}).
   */
  public Checklist update(String id, Consumer<Checklist> change) {
    return OptimisticRetry.retry(
        () -> {
          ChecklistDocument document = mongo.findById(id, ChecklistDocument.class);
          if (document == null) {
            throw Refusal.notFound("checklist", id);
          }
          change.accept(document.checklist);
          document.checklist.drainEvents().forEach(e -> document.outbox.add(outboxEvents.of(e)));
          mongo.save(document);
          return document.checklist;
        });
  }

  /** One page of checklists, newest year first. */
  public List<Checklist> page(Integer year, ChecklistStatus status, int page, int size) {
    Query query =
        filter(year, status)
            .with(Sort.by(Sort.Order.desc("checklist.year"), Sort.Order.asc("_id")));
    query.skip((long) page * size).limit(size);
    return mongo.find(query, ChecklistDocument.class).stream()
        .map(ChecklistDocument::checklist)
        .toList();
  }

  public long count(Integer year, ChecklistStatus status) {
    return mongo.count(filter(year, status), ChecklistDocument.class);
  }

  /** Ids of checklists whose publication has not been completed yet. */
  public List<String> publishingIds() {
    Query query = new Query(Criteria.where("checklist.publishing").is(true));
    query.fields().include("_id");
    return mongo.find(query, ChecklistDocument.class).stream().map(d -> d.id).toList();
  }

  private static Query filter(Integer year, ChecklistStatus status) {
    List<Criteria> all = new ArrayList<>();
    if (year != null) {
      all.add(Criteria.where("checklist.year").is(year));
    }
    if (status != null) {
      all.add(Criteria.where("checklist.status").is(status));
    }
    return new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all));
  }
}
