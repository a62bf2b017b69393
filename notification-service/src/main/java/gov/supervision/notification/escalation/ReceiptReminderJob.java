package gov.supervision.notification.escalation;

import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.alert.NotificationStore;
import gov.supervision.notification.alert.NotificationWriter;
import gov.supervision.notification.config.NotificationProperties;
import gov.supervision.notification.domain.Alert;
import gov.supervision.notification.domain.Trigger;
import gov.supervision.support.lease.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 签收: a person's notification that asks for a receipt and is not acknowledged within the timeout
 * gets one {@code RECEIPT_REMINDER} (event id {@code reminder:<notification id>}, so once).
 */
@Component
public class ReceiptReminderJob {

  static final String LEASE = "notification-receipts";

  private final NotificationStore notifications;
  private final NotificationWriter writer;
  private final Leases leases;
  private final Clock clock;
  private final Duration timeout;

  ReceiptReminderJob(
      NotificationStore notifications,
      NotificationWriter writer,
      Leases leases,
      Clock clock,
      NotificationProperties properties) {
    this.notifications = notifications;
    this.writer = writer;
    this.leases = leases;
    this.clock = clock;
    this.timeout = properties.receipt().timeout();
  }

  @Scheduled(
      fixedDelayString = "${supervision.notification.receipt.scan-interval:60s}",
      initialDelayString = "${supervision.notification.receipt.scan-interval:60s}")
  void scheduled() {
    scan();
  }

  /** Scans once, if this replica gets the lease; returns the reminders raised. */
  public int scan() {
    return leases.callWhileHeld(LEASE, Duration.ofMinutes(5), this::remindOverdue).orElse(0);
  }

  private int remindOverdue() {
    int raised = 0;
    for (NotificationDocument n :
        notifications.unacknowledgedUnreminded(clock.instant().minus(timeout))) {
      raised += writer.write(reminder(n));
      notifications.reminded(n.id());
    }
    return raised;
  }

  private static Alert reminder(NotificationDocument n) {
    List<String> args = n.args();
    String due = args.size() > 2 ? args.get(2) : "";
    return new Alert(
        Trigger.RECEIPT_OVERDUE,
        "reminder:" + n.id(),
        n.itemId(),
        args.isEmpty() ? "" : args.get(0),
        args.size() > 1 ? args.get(1) : null,
        due.isBlank() ? null : LocalDate.parse(due),
        null,
        null,
        null,
        n.addressee().id(),
        n.link(),
        List.of(n.type().name()));
  }
}
