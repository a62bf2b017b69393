package gov.supervision.notification.escalation;

import gov.supervision.notification.alert.NotificationWriter;
import gov.supervision.notification.domain.Alert;
import gov.supervision.notification.domain.EscalationPolicy;
import gov.supervision.notification.domain.Trigger;
import gov.supervision.support.lease.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 三色督办: every scan (under the {@code notification-escalation} lease, so one replica at a time)
 * raises {@code ITEM_ESCALATED} for each step a red item has newly reached. The event id names
 * item, red spell and step, so a step is raised once however often the scan runs.
 */
@Component
public class EscalationJob {

  static final String LEASE = "notification-escalation";

  private final RedItemStore redItems;
  private final NotificationWriter writer;
  private final EscalationPolicy policy;
  private final Leases leases;
  private final Clock clock;

  EscalationJob(
      RedItemStore redItems,
      NotificationWriter writer,
      EscalationPolicy policy,
      Leases leases,
      Clock clock) {
    this.redItems = redItems;
    this.writer = writer;
    this.policy = policy;
    this.leases = leases;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${supervision.notification.escalation.scan-interval:60s}",
      initialDelayString = "${supervision.notification.escalation.scan-interval:60s}")
  void scheduled() {
    scan();
  }

  /** Scans once, if this replica gets the lease; returns the notifications raised. */
  public int scan() {
    return leases.callWhileHeld(LEASE, Duration.ofMinutes(5), this::raiseDueSteps).orElse(0);
  }

  private int raiseDueSteps() {
    int raised = 0;
    Instant now = clock.instant();
    for (RedItemDocument item : redItems.all()) {
      int reached = policy.stepAt(item.redSince(), now);
      for (int step = item.stepsRaised() + 1; step <= reached; step++) {
        raised += writer.write(alert(item, step, now));
        redItems.raised(item.itemId(), step);
      }
    }
    return raised;
  }

  private static Alert alert(RedItemDocument item, int step, Instant now) {
    long days = Duration.between(item.redSince(), now).toDays();
    return new Alert(
        Trigger.ESCALATION_DUE,
        "escalation:" + item.itemId() + ":" + item.redSince().toEpochMilli() + ":" + step,
        item.itemId(),
        item.content(),
        item.unit(),
        item.dueDate(),
        item.responsiblePerson(),
        null,
        null,
        null,
        "/api/items/" + item.itemId(),
        List.of(String.valueOf(step), String.valueOf(days)));
  }
}
