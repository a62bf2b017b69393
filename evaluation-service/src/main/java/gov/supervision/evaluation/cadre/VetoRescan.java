package gov.supervision.evaluation.cadre;

import gov.supervision.contracts.evaluation.EvaluationEvent;
import gov.supervision.evaluation.config.VetoProperties;
import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.VetoRule;
import gov.supervision.support.lease.Leases;
import gov.supervision.support.outbox.OutboxEvents;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates vetoed cadres as time passes, so a veto whose window ended raises {@code VetoLapsed}
 * once. One replica at a time (lease {@code veto-rescan}).
 */
@Component
public class VetoRescan {

  private static final Logger log = LoggerFactory.getLogger(VetoRescan.class);
  static final String LEASE = "veto-rescan";

  private final CadreStore cadres;
  private final VetoRule rule;
  private final OutboxEvents outboxEvents;
  private final Leases leases;
  private final VetoProperties properties;

  VetoRescan(
      CadreStore cadres,
      VetoRule rule,
      OutboxEvents outboxEvents,
      Leases leases,
      VetoProperties properties) {
    this.cadres = cadres;
    this.rule = rule;
    this.outboxEvents = outboxEvents;
    this.leases = leases;
    this.properties = properties;
  }

  @Scheduled(
      initialDelayString = "${supervision.veto.rescan-interval:10m}",
      fixedDelayString = "${supervision.veto.rescan-interval:10m}")
  void scheduled() {
    leases.runWhileHeld(LEASE, properties.rescanInterval(), this::rescanLogged);
  }

  private void rescanLogged() {
    try {
      rescan();
    } catch (RuntimeException e) {
      log.warn("veto rescan failed; next run retries: {}", e.toString());
    }
  }

  /** Re-evaluates every vetoed cadre now; returns how many changed. */
  public int rescan() {
    int changed = 0;
    for (CadreDocument doc : cadres.vetoed()) {
      Cadre cadre = doc.cadre();
      List<EvaluationEvent> events = cadre.reassessVeto(rule);
      if (events.isEmpty()) {
        continue;
      }
      doc.apply(cadre, events.stream().map(outboxEvents::of).toList());
      try {
        cadres.save(doc);
        changed++;
      } catch (OptimisticLockingFailureException e) {
        log.debug("cadre {} changed during rescan; the next run looks again", doc.id());
      }
    }
    return changed;
  }
}
