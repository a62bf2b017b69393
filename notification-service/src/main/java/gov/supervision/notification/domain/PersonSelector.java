package gov.supervision.notification.domain;

/** A person named by the event rather than by the rule. */
public enum PersonSelector {
  /** The item's responsible person (责任人). */
  RESPONSIBLE_PERSON,
  /** The item's assignee (专人), else its responsible person. */
  ASSIGNEE,
  /** The cadre the event concerns. */
  CADRE,
  /** The person who received the notification a reminder is about. */
  RECIPIENT
}
