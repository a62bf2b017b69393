package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.LinkedFinding;
import gov.supervision.support.store.OptimisticRetry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final CadreStore cadres;
  private final PendingFindingStore pending;
  private final Clock clock;

  FindingLinks(CadreStore cadres, PendingFindingStore pending, Clock clock) {
    this.cadres = cadres;
    this.pending = pending;
    this.clock = clock;
  }

  /**
   * Applies a finding event (a raise, or a status change) to the cadre it names. For a cadre not
   * registered yet the event is kept; whether it was kept by this delivery or an earlier one, the
   * registration is looked for again afterwards, so a delivery that stopped between keeping and
   * looking is completed by the redelivery rather than left waiting for a registration that already
   * happened.
   */
  public void apply(String eventId, String cadreId, boolean raise, LinkedFinding finding) {
    if (applyToCadre(eventId, cadreId, raise, finding)) {
      return;
    }
    if (pending.keep(new PendingFinding(eventId, cadreId, raise, finding, clock.instant()))) {
      log.info("finding event {} for unregistered cadre {} kept", eventId, cadreId);
    }
    if (cadres.exists(cadreId)) {
      attachPending(cadreId); // the cadre was registered meanwhile
    }
  }

  /** Attaches the kept events of a newly registered cadre, oldest first. */
  public void attachPending(String cadreId) {
    attachPending(List.of(cadreId));
  }

  /**
   * Attaches the kept events of newly registered cadres (a whole import), each cadre's oldest
   * first, looking for them with one query per thousand cadres rather than one each. A kept event
   * is forgotten only once it is in its cadre's file.
   */
  public void attachPending(List<String> cadreIds) {
    for (PendingFinding p : pending.of(cadreIds)) {
      if (applyToCadre(p.eventId(), p.cadreId(), p.raise(), p.finding())) {
        pending.remove(p.eventId());
      }
    }
  }

  /**
   * Links the finding and claims the event id in the same write (the cadre's applied events); true
   * when done now or before, false when the cadre is unknown.
   */
  private boolean applyToCadre(String eventId, String cadreId, boolean raise, LinkedFinding f) {
    return OptimisticRetry.retry(
        () -> {
          Optional<CadreDocument> found = cadres.find(cadreId);
          if (found.isEmpty()) {
            return false;
          }
          CadreDocument doc = found.get();
          Cadre cadre = doc.cadre();
          boolean changed = raise ? cadre.linkFinding(eventId, f) : cadre.updateFinding(eventId, f);
          if (changed) {
            doc.apply(cadre, List.of());
            cadres.save(doc);
          }
          return true;
        });
  }
}
