package gov.supervision.notification.alert;

import gov.supervision.notification.delivery.DeliveryQueue;
import gov.supervision.notification.domain.Addressee;
import gov.supervision.notification.domain.AddresseeKind;
import gov.supervision.notification.domain.Alert;
import gov.supervision.notification.domain.Channel;
import gov.supervision.notification.domain.NotificationIds;
import gov.supervision.notification.domain.Rule;
import gov.supervision.notification.rule.RuleStore;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Stores the notifications an alert raises by the rules: one per (event, addressee), inserted under
 * a unique key so that a redelivered event finds it there (duplicate key = already done). The
 * channel deliveries are queued after it, idempotently too.
 */
@Component
public class NotificationWriter {

  private final NotificationStore notifications;
  private final RuleStore rules;
  private final MessageRenderer renderer;
  private final DeliveryQueue deliveries;
  private final Clock clock;

  NotificationWriter(
      NotificationStore notifications,
      RuleStore rules,
      MessageRenderer renderer,
      DeliveryQueue deliveries,
      Clock clock) {
    this.notifications = notifications;
    this.rules = rules;
    this.renderer = renderer;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  /** Stores what the alert raises; returns how many notifications are new. */
  public int write(Alert alert) {
    int created = 0;
    for (Rule rule : rules.rulesFor(alert.trigger())) {
      if (!rule.enabled()) {
        continue;
      }
      List<String> args = alert.messageArgs();
      RenderedMessage zh = renderer.render(rule.type(), args, MessageRenderer.ZH_CN);
      for (Addressee addressee : rule.addressees(alert)) {
        String id = NotificationIds.of(alert.eventId(), addressee);
        NotificationDocument doc =
            new NotificationDocument(
                id,
                alert.eventId(),
                rule.type(),
                addressee,
                args,
                zh.title(),
                zh.body(),
                alert.link(),
                alert.itemId(),
                clock.instant(),
                Set.of(),
                rule.type().needsReceipt() && addressee.kind() == AddresseeKind.PERSON,
                null,
                false);
        if (notifications.insert(doc)) {
          created++;
        }
        // on a redelivery, rebalance or restart the notification exists: its deliveries are
        // queued again anyway (idempotent), in case the first attempt stopped between the writes
        for (Channel channel : rule.channels()) {
          if (channel != Channel.IN_APP) {
            deliveries.enqueue(id, channel, addressee);
          }
        }
      }
    }
    if (created > 0) {
      deliveries.wake();
    }
    return created;
  }
}
