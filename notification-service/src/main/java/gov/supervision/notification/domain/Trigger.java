package gov.supervision.notification.domain;

import static gov.supervision.notification.domain.PersonSelector.ASSIGNEE;
import static gov.supervision.notification.domain.PersonSelector.CADRE;
import static gov.supervision.notification.domain.PersonSelector.RECIPIENT;
import static gov.supervision.notification.domain.PersonSelector.RESPONSIBLE_PERSON;

import gov.supervision.contracts.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a rule reacts to: every event type of the suite that alerts someone (same names as {@link
 * EventType}), plus the service's own timers: an item red too long ({@code ESCALATION_DUE}) and an
 * unacknowledged notification ({@code RECEIPT_OVERDUE}).
 *
 * <p>Events about a cadre's file carry personnel data: their alerts may reach only the role named
 * by {@link #confinedTo()} (HR; AUDITOR for the audit alert about unusual reading), never a person,
 * a listed user or a webhook.
 */
public enum Trigger {
  CHECKLIST_PUBLISHED(EnumSet.noneOf(PersonSelector.class)),
  ITEM_PUBLISHED(EnumSet.of(RESPONSIBLE_PERSON)),
  ITEM_ASSIGNED(EnumSet.of(RESPONSIBLE_PERSON, ASSIGNEE)),
  ITEM_STAGE_CHANGED(EnumSet.of(RESPONSIBLE_PERSON)),
  ITEM_DUE_SOON(EnumSet.of(RESPONSIBLE_PERSON)),
  ITEM_OVERDUE(EnumSet.of(RESPONSIBLE_PERSON)),
  ITEM_CLOSED(EnumSet.of(RESPONSIBLE_PERSON)),
  FINDING_RAISED(EnumSet.of(RESPONSIBLE_PERSON, CADRE)),
  FINDING_RECTIFIED(EnumSet.of(RESPONSIBLE_PERSON, CADRE)),
  FINDING_VERIFIED(EnumSet.of(RESPONSIBLE_PERSON, CADRE)),
  REPORT_DUE(EnumSet.of(RESPONSIBLE_PERSON)),
  UNIT_EARLY_WARNING_RAISED(EnumSet.noneOf(PersonSelector.class)),
  EVALUATION_RECORDED(EnumSet.of(CADRE), "HR"),
  CADRE_VETOED(EnumSet.of(CADRE), "HR"),
  VETO_LAPSED(EnumSet.of(CADRE), "HR"),
  UNUSUAL_READING_RAISED(EnumSet.noneOf(PersonSelector.class), "AUDITOR"),
  ESCALATION_DUE(EnumSet.of(RESPONSIBLE_PERSON)),
  RECEIPT_OVERDUE(EnumSet.of(RECIPIENT));

  private final Set<PersonSelector> selectors;
  private final String confinedTo;

  Trigger(Set<PersonSelector> selectors) {
    this(selectors, null);
  }

  Trigger(Set<PersonSelector> selectors, String confinedTo) {
    this.selectors = selectors;
    this.confinedTo = confinedTo;
  }

  /**
   * The only role this trigger's alerts may be addressed to (its events carry personnel data), or
   * null when anyone may be.
   */
  public String confinedTo() {
    return confinedTo;
  }

  /** The person selectors this trigger's alerts can resolve. */
  public Set<PersonSelector> selectors() {
    return selectors;
  }

  /** The trigger of an event type. */
  public static Trigger of(EventType type) {
    return valueOf(type.name());
  }
}
