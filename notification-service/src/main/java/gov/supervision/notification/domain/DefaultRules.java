package gov.supervision.notification.domain;

import static gov.supervision.notification.domain.Channel.EMAIL;
import static gov.supervision.notification.domain.Channel.IN_APP;
import static gov.supervision.notification.domain.Channel.WEBHOOK;
import static gov.supervision.notification.domain.PersonSelector.ASSIGNEE;
import static gov.supervision.notification.domain.PersonSelector.RECIPIENT;
import static gov.supervision.notification.domain.PersonSelector.RESPONSIBLE_PERSON;

import java.util.List;
import java.util.Set;

/**
 * The rules a fresh installation starts with: the table of docs/domain.md exactly (who gets which
 * type), plus the follow-up alerts of the closed loop, escalation and receipt reminders. Stage
 * changes and close-outs are present but disabled: the people concerned already see them in the
 * item.
 */
public final class DefaultRules {

  private static final String INSPECTOR = "INSPECTOR";

  private DefaultRules() {}

  /** The default rule set. */
  public static List<Rule> all() {
    return List.of(
        rule(
            Trigger.ITEM_PUBLISHED,
            NotificationType.ITEM_PUBLISHED,
            List.of(RESPONSIBLE_PERSON),
            List.of(),
            Set.of(IN_APP)),
        rule(
            Trigger.ITEM_ASSIGNED,
            NotificationType.ITEM_ASSIGNED,
            List.of(ASSIGNEE),
            List.of(),
            Set.of(IN_APP, EMAIL)),
        rule(
            Trigger.ITEM_DUE_SOON,
            NotificationType.ITEM_DUE_SOON,
            List.of(RESPONSIBLE_PERSON),
            List.of(INSPECTOR),
            Set.of(IN_APP, EMAIL)),
        rule(
            Trigger.ITEM_OVERDUE,
            NotificationType.ITEM_OVERDUE,
            List.of(RESPONSIBLE_PERSON),
            List.of(INSPECTOR),
            Set.of(IN_APP, EMAIL, WEBHOOK)),
        rule(
            Trigger.FINDING_RAISED,
            NotificationType.FINDING_RAISED,
            List.of(RESPONSIBLE_PERSON),
            List.of(INSPECTOR),
            Set.of(IN_APP, EMAIL)),
        rule(
            Trigger.CADRE_VETOED,
            NotificationType.CADRE_VETOED,
            List.of(),
            List.of("HR"),
            Set.of(IN_APP, EMAIL)),
        rule(
            Trigger.UNIT_EARLY_WARNING_RAISED,
            NotificationType.UNIT_EARLY_WARNING,
            List.of(),
            List.of(INSPECTOR),
            Set.of(IN_APP, EMAIL, WEBHOOK)),
        rule(
            Trigger.FINDING_RECTIFIED,
            NotificationType.FINDING_RECTIFIED,
            List.of(),
            List.of(INSPECTOR),
            Set.of(IN_APP)),
        rule(
            Trigger.FINDING_VERIFIED,
            NotificationType.FINDING_VERIFIED,
            List.of(RESPONSIBLE_PERSON),
            List.of(),
            Set.of(IN_APP)),
        rule(
            Trigger.REPORT_DUE,
            NotificationType.REPORT_DUE,
            List.of(RESPONSIBLE_PERSON),
            List.of(),
            Set.of(IN_APP, EMAIL)),
        rule(
            Trigger.VETO_LAPSED,
            NotificationType.VETO_LAPSED,
            List.of(),
            List.of("HR"),
            Set.of(IN_APP)),
        rule(
            Trigger.UNUSUAL_READING_RAISED,
            NotificationType.UNUSUAL_READING,
            List.of(),
            List.of("AUDITOR"),
            Set.of(IN_APP)),
        rule(
            Trigger.ESCALATION_DUE,
            NotificationType.ITEM_ESCALATED,
            List.of(),
            List.of("ADMIN", INSPECTOR),
            Set.of(IN_APP, EMAIL, WEBHOOK)),
        rule(
            Trigger.RECEIPT_OVERDUE,
            NotificationType.RECEIPT_REMINDER,
            List.of(RECIPIENT),
            List.of(),
            Set.of(IN_APP, EMAIL)),
        disabled(Trigger.ITEM_STAGE_CHANGED, NotificationType.ITEM_STAGE_CHANGED),
        disabled(Trigger.ITEM_CLOSED, NotificationType.ITEM_CLOSED));
  }

  private static Rule rule(
      Trigger event,
      NotificationType type,
      List<PersonSelector> persons,
      List<String> roles,
      Set<Channel> channels) {
    return new Rule(event, type, persons, List.of(), roles, channels, true);
  }

  private static Rule disabled(Trigger event, NotificationType type) {
    return new Rule(
        event, type, List.of(RESPONSIBLE_PERSON), List.of(), List.of(), Set.of(IN_APP), false);
  }
}
