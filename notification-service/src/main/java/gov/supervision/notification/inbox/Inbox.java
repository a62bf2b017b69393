package gov.supervision.notification.inbox;

import gov.supervision.contracts.Refusal;
import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.alert.NotificationStore;
import gov.supervision.notification.domain.AddresseeKind;
import gov.supervision.notification.domain.NotificationType;
import gov.supervision.support.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A caller's view of the notifications: those addressed to its {@code sub} or to one of its roles.
 * Anything else does not exist for it (404). Read state is per person: {@code readBy} gains the
 * caller's sub.
 */
@Component
class Inbox {

  private final NotificationStore notifications;
  private final Clock clock;

  Inbox(NotificationStore notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  List<NotificationDocument> page(
      CurrentUser user, Boolean unread, NotificationType type, int page, int size) {
    return notifications.page(user, unread, type, page, size);
  }

  long count(CurrentUser user, Boolean unread, NotificationType type) {
    return notifications.count(user, unread, type);
  }

  NotificationDocument markRead(CurrentUser user, String id) {
    return notifications.markRead(user, id).orElseThrow(() -> notFound(id));
  }

  long markAllRead(CurrentUser user) {
    return notifications.markAllRead(user);
  }

  /** 签收: only a person's own notification that asks for a receipt; it counts as read too. */
  NotificationDocument acknowledge(CurrentUser user, String id) {
    NotificationDocument doc =
        notifications.find(id).filter(n -> visibleTo(n, user)).orElseThrow(() -> notFound(id));
    if (!doc.receiptRequired()) {
      throw Refusal.conflict(
          "receipt-not-required", "该通知无需签收 this notification needs no acknowledgement");
    }
    if (doc.acknowledgedAt() == null) {
      notifications.acknowledge(id, user.sub(), clock.instant());
    }
    return notifications.find(id).orElseThrow(() -> notFound(id));
  }

  private static Refusal notFound(String id) {
    return Refusal.notFound("通知 notification", id);
  }

  private static boolean visibleTo(NotificationDocument doc, CurrentUser user) {
    return doc.addressee().kind() == AddresseeKind.PERSON
        ? doc.addressee().id().equals(user.sub())
        : user.hasRole(doc.addressee().id());
  }
}
