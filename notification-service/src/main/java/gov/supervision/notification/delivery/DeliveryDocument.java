package gov.supervision.notification.delivery;

import gov.supervision.notification.domain.Addressee;
import gov.supervision.notification.domain.Channel;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One delivery of a notification by one channel; id = notification id + channel, so queueing it
 * twice is harmless. {@code notBefore} is when the worker may take it next (also its claim).
 */
@Document(DeliveryDocument.COLLECTION)
record DeliveryDocument(
    @Id String id,
    String notificationId,
    Channel channel,
    Addressee addressee,
    DeliveryStatus status,
    int attempts,
    int deferrals,
    String lastError,
    Instant createdAt,
    Instant updatedAt,
    Instant notBefore) {

  static final String COLLECTION = "deliveries";
}
