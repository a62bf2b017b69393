package gov.supervision.checklist.lights;

import gov.supervision.checklist.checklist.ChecklistService;
import gov.supervision.checklist.config.LightProperties;
import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.item.ItemStore;
import gov.supervision.checklist.warning.EarlyWarnings;
import gov.supervision.support.lease.Leases;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code supervision.lights.scan-interval}, on one replica at a time (lease {@value #LEASE}):
 * completes half-done publications, recomputes the light of every open item (raising ItemDueSoon /
 * ItemOverdue once per change, since the last announced light is stored on the item and compared),
 * raises ReportDue once per period, and re-assesses every unit's early warning. Even without the
 * lease, two scans could not both raise an alert: the item's version check lets only one of two
 * concurrent writes through, and the loser re-reads the already-changed light.
 */
@Component
public class LightScan {

  static final String LEASE = "checklist-light-scan";
  private static final Logger log = LoggerFactory.getLogger(LightScan.class);

  private final Leases leases;
  private final ItemStore items;
  private final ChecklistService checklists;
  private final EarlyWarnings warnings;
  private final Deadlines deadlines;
  private final LightProperties properties;

  LightScan(
      Leases leases,
      ItemStore items,
      ChecklistService checklists,
      EarlyWarnings warnings,
      Deadlines deadlines,
      LightProperties properties) {
    this.leases = leases;
    this.items = items;
    this.checklists = checklists;
    this.warnings = warnings;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${supervision.lights.scan-interval:60s}",
      initialDelayString = "${supervision.lights.scan-initial-delay:30s}")
  void scheduled() {
    try {
      scan();
    } catch (RuntimeException e) {
      log.warn("light scan failed; the next one retries: {}", e.toString());
    }
  }

  /** Runs one scan if this replica gets the lease; returns whether it ran. */
  public boolean scan() {
    Duration ttl = properties.scanInterval().multipliedBy(5).plusMinutes(1);
    return leases.runWhileHeld(LEASE, ttl, this::scanHeld);
  }

  private void scanHeld() {
    checklists.completePending();
    long leadDays = properties.reportLead().toDays();
    for (String id : items.openPublishedIds()) {
      try {
        items.updateIf(
            id, item -> item.refreshLight(deadlines) | item.raiseReportIfDue(deadlines, leadDays));
      } catch (OptimisticLockingFailureException e) {
        // the store already retried (OptimisticRetry); one busy item does not stop the scan
        log.info("item {} busy; the next scan looks again", id);
      }
    }
    warnings.knownUnits().forEach(warnings::evaluate);
  }
}
