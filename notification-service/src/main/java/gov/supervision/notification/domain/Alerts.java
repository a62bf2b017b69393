package gov.supervision.notification.domain;

import gov.supervision.contracts.DomainEvent;
import gov.supervision.contracts.EventType;
import gov.supervision.contracts.checklist.ChecklistPublished;
import gov.supervision.contracts.checklist.FindingRaised;
import gov.supervision.contracts.checklist.FindingRectified;
import gov.supervision.contracts.checklist.FindingVerified;
import gov.supervision.contracts.checklist.ItemAssigned;
import gov.supervision.contracts.checklist.ItemClosed;
import gov.supervision.contracts.checklist.ItemDueSoon;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.contracts.checklist.ItemPublished;
import gov.supervision.contracts.checklist.ItemStageChanged;
import gov.supervision.contracts.checklist.ReportDue;
import gov.supervision.contracts.checklist.UnitEarlyWarningRaised;
import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.contracts.evaluation.EvaluationRecorded;
import gov.supervision.contracts.evaluation.UnusualReadingRaised;
import gov.supervision.contracts.evaluation.VetoLapsed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Reads the alert out of a contract event, without asking any other service. */
public final class Alerts {

  /** Window times in auditors' texts: local time of the suite (Asia/Shanghai), to the minute. */
  private static final DateTimeFormatter LOCAL_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private Alerts() {}

  /** The alert an event raises (whether any rule addresses it is the rules' business). */
  public static Alert from(String eventId, DomainEvent event) {
    Trigger trigger = Trigger.of(EventType.of(event));
    if (event instanceof ItemPublished e) {
      return item(trigger, eventId, e.item(), null, null, List.of());
    }
    if (event instanceof ItemAssigned e) {
      String assignee = e.assignee() == null ? e.item().responsiblePerson() : e.assignee();
      return item(trigger, eventId, e.item(), e.assignee(), null, List.of(assignee));
    }
    if (event instanceof ItemStageChanged e) {
      return item(trigger, eventId, e.item(), null, null, List.of(e.from(), e.to()));
    }
    if (event instanceof ItemDueSoon e) {
      return item(trigger, eventId, e.item(), null, null, List.of());
    }
    if (event instanceof ItemOverdue e) {
      return item(trigger, eventId, e.item(), null, null, List.of());
    }
    if (event instanceof ItemClosed e) {
      return item(trigger, eventId, e.item(), null, null, List.of(text(e.note())));
    }
    if (event instanceof FindingRaised e) {
      return item(
          trigger,
          eventId,
          e.item(),
          null,
          e.cadreId(),
          List.of(text(e.description()), text(e.severity()), text(e.rectifyBy())));
    }
    if (event instanceof FindingRectified e) {
      return item(trigger, eventId, e.item(), null, e.cadreId(), List.of(text(e.report())));
    }
    if (event instanceof FindingVerified e) {
      return item(
          trigger, eventId, e.item(), null, e.cadreId(), List.of(text(e.status()), text(e.note())));
    }
    if (event instanceof ReportDue e) {
      return item(
          trigger, eventId, e.item(), null, null, List.of(text(e.cadence()), text(e.periodEnd())));
    }
    if (event instanceof UnitEarlyWarningRaised e) {
      return new Alert(
          trigger,
          eventId,
          null,
          e.level(),
          e.unit(),
          null,
          null,
          null,
          null,
          null,
          "/api/units/" + e.unit() + "/early-warning",
          List.of(
              text(e.previousLevel()),
              String.valueOf(e.redItems()),
              String.valueOf(e.openMajorFindings()),
              String.valueOf(e.vetoedCadres())));
    }
    if (event instanceof CadreVetoed e) {
      return cadre(
          trigger,
          eventId,
          e.cadreId(),
          e.name(),
          e.unit(),
          List.of(
              codes(e.purposes()), String.valueOf(e.reasons() == null ? 0 : e.reasons().size())));
    }
    if (event instanceof VetoLapsed e) {
      return cadre(trigger, eventId, e.cadreId(), e.name(), e.unit(), List.of(codes(e.purposes())));
    }
    if (event instanceof EvaluationRecorded e) {
      // personnel data stays in the file: the alert names neither conclusion nor scores
      return cadre(trigger, eventId, e.cadreId(), e.cadreId(), e.unit(), List.of());
    }
    if (event instanceof UnusualReadingRaised e) {
      return new Alert(
          trigger,
          eventId,
          null,
          e.reader(),
          null,
          null,
          null,
          null,
          null,
          null,
          "/api/access-log?actor=" + e.reader(),
          List.of(
              text(e.reason()),
              String.valueOf(e.count()),
              String.valueOf(e.threshold()),
              minute(e.windowStart()),
              minute(e.windowEnd())));
    }
    if (event instanceof ChecklistPublished e) {
      return new Alert(
          trigger,
          eventId,
          null,
          e.title(),
          e.scope(),
          null,
          null,
          null,
          null,
          null,
          "/api/checklists/" + e.checklistId(),
          List.of(String.valueOf(e.year())));
    }
    throw new IllegalArgumentException("no alert for " + event.getClass().getSimpleName());
  }

  private static Alert item(
      Trigger trigger,
      String eventId,
      ItemFacts item,
      String assignee,
      String cadreId,
      List<String> extras) {
    return new Alert(
        trigger,
        eventId,
        item.itemId(),
        item.content(),
        item.responsibleUnit(),
        item.dueDate(),
        item.responsiblePerson(),
        assignee,
        cadreId,
        null,
        "/api/items/" + item.itemId(),
        extras);
  }

  private static Alert cadre(
      Trigger trigger,
      String eventId,
      String cadreId,
      String name,
      String unit,
      List<String> extras) {
    return new Alert(
        trigger,
        eventId,
        null,
        name,
        unit,
        null,
        null,
        null,
        cadreId,
        null,
        "/api/cadres/" + cadreId,
        extras);
  }

  /** Several codes as one argument ({@code PROMOTION,AWARD}); the renderer labels each. */
  private static String codes(List<String> codes) {
    return codes == null ? "" : String.join(",", codes);
  }

  private static String minute(Instant at) {
    return at == null ? "" : LOCAL_MINUTE.format(at);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
