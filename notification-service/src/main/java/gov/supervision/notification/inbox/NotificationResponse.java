package gov.supervision.notification.inbox;

import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.alert.RenderedMessage;
import gov.supervision.notification.domain.NotificationType;
import java.time.Instant;

/**
 * One notification as its reader sees it. {@code acknowledgeBy} is the 签收 deadline of one that
 * needs a receipt (null otherwise): its creation time plus {@code
 * supervision.notification.receipt.acknowledge-within}, computed when read, so that every stored
 * notification has one, however old.
 */
record NotificationResponse(
    String id,
    NotificationType type,
    String title,
    String body,
    Instant createdAt,
    boolean read,
    String link,
    String addresseeKind,
    String addressee,
    boolean receiptRequired,
    boolean acknowledged,
    Instant acknowledgedAt,
    Instant acknowledgeBy) {

  /** The notification {@code n} as {@code reader} sees it, in the language of {@code text}. */
  static NotificationResponse of(
      NotificationDocument n, String reader, RenderedMessage text, Instant acknowledgeBy) {
    return new NotificationResponse(
        n.id(),
        n.type(),
        text.title(),
        text.body(),
        n.createdAt(),
        n.readBy() != null && n.readBy().contains(reader),
        n.link(),
        n.addressee().kind().name(),
        n.addressee().id(),
        n.receiptRequired(),
        n.acknowledgedAt() != null,
        n.acknowledgedAt(),
        acknowledgeBy);
  }
}
