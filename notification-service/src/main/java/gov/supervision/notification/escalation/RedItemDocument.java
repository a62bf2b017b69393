package gov.supervision.notification.escalation;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An item that is red now: since when, and the escalation steps already raised. */
@Document(RedItemDocument.COLLECTION)
record RedItemDocument(
    @Id String itemId,
    String content,
    String unit,
    LocalDate dueDate,
    String responsiblePerson,
    Instant redSince,
    int stepsRaised) {

  static final String COLLECTION = "red_items";
}
