package gov.supervision.notification.domain;

/** Whether a notification is addressed to one person (token {@code sub}) or to a role. */
public enum AddresseeKind {
  PERSON,
  ROLE
}
