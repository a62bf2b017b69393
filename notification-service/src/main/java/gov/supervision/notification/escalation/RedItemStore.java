package gov.supervision.notification.escalation;

import gov.supervision.contracts.DomainEvent;
import gov.supervision.contracts.checklist.ItemClosed;
import gov.supervision.contracts.checklist.ItemDueSoon;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemOverdue;
import java.time.Clock;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Tracks which items are red: {@code ItemOverdue} starts the clock (a repeated one keeps the first
 * time), {@code ItemDueSoon} (no longer red) and {@code ItemClosed} stop it.
 */
@Component
public class RedItemStore {

  private final MongoTemplate mongo;
  private final Clock clock;

  RedItemStore(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** Whether the event says anything about the light of its item ({@link #track} acts on it). */
  public static boolean follows(DomainEvent event) {
    return event instanceof ItemOverdue
        || event instanceof ItemDueSoon
        || event instanceof ItemClosed;
  }

  /**
   * Follows the light of the item an event is about, if it says anything about it. Not idempotent
   * over time (a late duplicate of an {@code ItemOverdue} would make a closed item red again): the
   * caller claims the event first.
   */
  public void track(DomainEvent event) {
    if (event instanceof ItemOverdue overdue) {
      ItemFacts item = overdue.item();
      mongo.upsert(
          new Query(Criteria.where("_id").is(item.itemId())),
          new Update()
              .set("content", item.content())
              .set("unit", item.responsibleUnit())
              .set("dueDate", item.dueDate())
              .set("responsiblePerson", item.responsiblePerson())
              .setOnInsert("redSince", clock.instant())
              .setOnInsert("stepsRaised", 0),
          RedItemDocument.class);
    } else if (event instanceof ItemDueSoon dueSoon) {
      clear(dueSoon.item().itemId());
    } else if (event instanceof ItemClosed closed) {
      clear(closed.item().itemId());
    }
  }

  List<RedItemDocument> all() {
    return mongo.findAll(RedItemDocument.class);
  }

  void raised(String itemId, int step) {
    mongo.updateFirst(
        new Query(Criteria.where("_id").is(itemId).and("stepsRaised").lt(step)),
        new Update().set("stepsRaised", step),
        RedItemDocument.class);
  }

  private void clear(String itemId) {
    mongo.remove(new Query(Criteria.where("_id").is(itemId)), RedItemDocument.class);
  }
}
