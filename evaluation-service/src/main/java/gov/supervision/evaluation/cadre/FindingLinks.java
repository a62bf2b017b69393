package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.LinkedFinding;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Links inspection findings to cadres' files, exactly once per event: the applied {@code ce_id}s
 * live in the cadre document and change in the same write as the finding, so a redelivery finds its
 * id there. Events for a cadre not registered yet wait in {@code pending_findings} (keyed by {@code
 * ce_id}) and are attached at registration; whoever comes second - the event or the registration -
 * attaches them, and attaching twice is harmless for the same reason.
 */
@Service
public class FindingLinks {

  private static final Logger log = LoggerFactory.getLogger(FindingLinks.class);
  private static final int ATTEMPTS = 10;

  private final CadreRepository cadres;
  private final MongoTemplate mongo;
  private final Clock clock;

  FindingLinks(CadreRepository cadres, MongoTemplate mongo, Clock clock) {
    this.cadres = cadres;
    this.mongo = mongo;
    this.clock = clock;
  }

  /** Applies a finding event (a raise, or a status change) to the cadre it names. */
  public void apply(String eventId, String cadreId, boolean raise, LinkedFinding finding) {
    if (applyToCadre(eventId, cadreId, raise, finding)) {
      return;
    }
    try {
      mongo.insert(new PendingFinding(eventId, cadreId, raise, finding, clock.instant()));
      log.info("finding event {} for unregistered cadre {} kept", eventId, cadreId);
    } catch (DuplicateKeyException e) {
      return; // already kept
    }
    if (cadres.existsById(cadreId)) {
      attachPending(cadreId); // the cadre was registered meanwhile
    }
  }

  /** Attaches the kept events of a newly registered cadre, oldest first. */
  public void attachPending(String cadreId) {
    attachPending(List.of(cadreId));
  }

  /**
   * Attaches the kept events of newly registered cadres (a whole import), each cadre's oldest
   * first, looking for them with one query per thousand cadres rather than one each.
   */
  public void attachPending(List<String> cadreIds) {
    for (int from = 0; from < cadreIds.size(); from += 1_000) {
      Query query =
          new Query(
                  Criteria.where("cadreId")
                      .in(cadreIds.subList(from, Math.min(cadreIds.size(), from + 1_000))))
              .with(Sort.by("receivedAt", "_id"));
      for (PendingFinding p : mongo.find(query, PendingFinding.class)) {
        applyToCadre(p.eventId(), p.cadreId(), p.raise(), p.finding());
        mongo.remove(new Query(Criteria.where("_id").is(p.eventId())), PendingFinding.class);
      }
    }
  }

  /** False when the cadre is unknown. */
  private boolean applyToCadre(String eventId, String cadreId, boolean raise, LinkedFinding f) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<CadreDocument> found = cadres.findById(cadreId);
      if (found.isEmpty()) {
        return false;
      }
      CadreDocument doc = found.get();
      Cadre cadre = doc.toDomain();
      boolean changed = raise ? cadre.linkFinding(eventId, f) : cadre.updateFinding(eventId, f);
      if (!changed) {
        return true;
      }
      doc.apply(cadre, List.of());
      try {
        cadres.save(doc);
        return true;
      } catch (OptimisticLockingFailureException e) {
        log.debug("cadre {} changed meanwhile; retrying finding event {}", cadreId, eventId);
      }
    }
    throw new OptimisticLockingFailureException("cadre " + cadreId + " kept changing");
  }
}
