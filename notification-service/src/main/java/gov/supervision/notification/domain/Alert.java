package gov.supervision.notification.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What one event (or timer) says, reduced to what a notification needs: who it concerns and the
 * words of its message. {@code extras} are type-specific message arguments.
 *
 * @param trigger what happened
 * @param eventId the id that makes it unique (the event's {@code ce_id}, or a timer key)
 * @param itemId the item concerned, or null
 * @param content the item content, cadre name or unit level the message starts from
 * @param unit the unit code concerned, or null
 * @param dueDate the item's due date, or null
 * @param responsiblePerson the item's responsible person, or null
 * @param assignee the assignee, or null
 * @param cadreId the cadre concerned, or null
 * @param recipient the person a reminder goes to, or null
 * @param link the API path of the subject
 * @param extras further message arguments
 */
public record Alert(
    Trigger trigger,
    String eventId,
    String itemId,
    String content,
    String unit,
    LocalDate dueDate,
    String responsiblePerson,
    String assignee,
    String cadreId,
    String recipient,
    String link,
    List<String> extras) {

  public Alert {
    extras = extras == null ? List.of() : extras.stream().map(e -> e == null ? "" : e).toList();
  }

  /** The person a selector names for this alert, or null. */
  public String person(PersonSelector selector) {
    return switch (selector) {
      case RESPONSIBLE_PERSON -> responsiblePerson;
      case ASSIGNEE -> assignee == null || assignee.isBlank() ? responsiblePerson : assignee;
      case CADRE -> cadreId;
      case RECIPIENT -> recipient;
    };
  }

  /**
   * The stored message arguments: content, unit code, due date, link, then the extras. The unit
   * code is turned into the unit's name when the message is rendered.
   */
  public List<String> messageArgs() {
    List<String> args = new java.util.ArrayList<>();
    args.add(content == null ? "" : content);
    args.add(unit == null ? "" : unit);
    args.add(dueDate == null ? "" : dueDate.toString());
    args.add(link == null ? "" : link);
    args.addAll(extras);
    return List.copyOf(args);
  }
}
