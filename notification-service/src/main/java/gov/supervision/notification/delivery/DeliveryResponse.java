package gov.supervision.notification.delivery;

import gov.supervision.notification.domain.Addressee;
import gov.supervision.notification.domain.Channel;
import java.time.Instant;

/** A delivery as the API shows it. */
record DeliveryResponse(
    String id,
    String notificationId,
    Channel channel,
    Addressee addressee,
    DeliveryStatus status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  static DeliveryResponse from(DeliveryDocument d) {
    return new DeliveryResponse(
        d.id(),
        d.notificationId(),
        d.channel(),
        d.addressee(),
        d.status(),
        d.attempts(),
        d.lastError(),
        d.createdAt(),
        d.updatedAt());
  }
}
