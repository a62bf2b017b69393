package gov.supervision.checklist.domain;

/** What an item focuses on (聚焦). */
public enum FocusArea {
  CENTRAL_DIRECTIVES,
  CONGRESS_SPIRIT,
  MAJOR_STRATEGIES,
  OTHER
}
