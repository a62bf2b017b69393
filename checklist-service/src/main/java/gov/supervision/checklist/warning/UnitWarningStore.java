package gov.supervision.checklist.warning;

import gov.supervision.contracts.DomainEvent;
import gov.supervision.support.outbox.OutboxEvents;
import gov.supervision.support.store.OptimisticRetry;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads and writes per-unit early-warning documents, each change with its event in one write. */
@Component
class UnitWarningStore {

  private final MongoTemplate mongo;
  private final OutboxEvents outboxEvents;

  UnitWarningStore(MongoTemplate mongo, OutboxEvents outboxEvents) {
    this.mongo = mongo;
    this.outboxEvents = outboxEvents;
  }

  Optional<UnitWarningDocument> find(String unit) {
    return Optional.ofNullable(mongo.findById(unit, UnitWarningDocument.class));
  }

  /**
   * Applies a change to the unit's current state (created on first use) and writes it, with the
   * events the change returns, in one write, unless it changed nothing; a lost race (also two first
   * inserts) re-reads and re-applies ({@link OptimisticRetry}).
   */
  void update(String unit, Function<UnitWarningDocument, List<? extends DomainEvent>> change) {
    OptimisticRetry.retry(
        () -> {
          UnitWarningDocument document = find(unit).orElseGet(() -> new UnitWarningDocument(unit));
          change.apply(document).forEach(e -> document.append(outboxEvents.of(e)));
          if (document.changed) {
            mongo.save(document);
          }
        });
  }

  /** Units that have vetoed cadres. */
  List<String> unitsWithVetoes() {
    return mongo
        .find(new Query(Criteria.where("vetoes.0").exists(true)), UnitWarningDocument.class)
        .stream()
        .map(UnitWarningDocument::unit)
        .toList();
  }
}
