package gov.supervision.checklist.domain;

/** The lifecycle of a checklist. */
public enum ChecklistStatus {
  DRAFT,
  PUBLISHED,
  ARCHIVED
}
