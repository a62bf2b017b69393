package gov.supervision.evaluation.cadre;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code pending_findings} collection: the only class that queries it. */
@Component
class PendingFindingStore {

  /** Cadres looked up this many at a time. */
  private static final int BATCH = 1_000;

  private final MongoTemplate mongo;

  PendingFindingStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Keeps the event (its id is the key); false when it is kept already. */
  boolean keep(PendingFinding pending) {
    try {
      mongo.insert(pending);
      return true;
    } catch (DuplicateKeyException keptAlready) {
      return false;
    }
  }

  /** The kept events of these cadres, each cadre's oldest first. */
  List<PendingFinding> of(List<String> cadreIds) {
    List<PendingFinding> found = new java.util.ArrayList<>();
    for (int from = 0; from < cadreIds.size(); from += BATCH) {
      Query query =
          new Query(
                  Criteria.where("cadreId")
                      .in(cadreIds.subList(from, Math.min(cadreIds.size(), from + BATCH))))
              .with(Sort.by("receivedAt", "_id"));
      found.addAll(mongo.find(query, PendingFinding.class));
    }
    return found;
  }

  /** Forgets a kept event once it is in its cadre's file. */
  void remove(String eventId) {
    mongo.remove(new Query(Criteria.where("_id").is(eventId)), PendingFinding.class);
  }
}
