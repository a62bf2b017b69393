package gov.supervision.notification.alert;

import gov.supervision.notification.domain.Addressee;
import gov.supervision.notification.domain.NotificationType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification for one addressee, unique per (event, addressee). Texts are kept as a message
 * key (from {@code type}) with arguments, so any language can be rendered; the zh-CN text is kept
 * too. {@code readBy} holds the subs of those who read it (a role notification is read per person).
 */
@Document(NotificationDocument.COLLECTION)
@CompoundIndex(
    name = "event_addressee",
    def = "{'eventId': 1, 'addressee.kind': 1, 'addressee.id': 1}",
    unique = true)
public record NotificationDocument(
    @Id String id,
    String eventId,
    NotificationType type,
    Addressee addressee,
    List<String> args,
    String title,
    String body,
    String link,
    String itemId,
    Instant createdAt,
    Set<String> readBy,
    boolean receiptRequired,
    Instant acknowledgedAt,
    boolean reminded) {

  public static final String COLLECTION = "notifications";
}
