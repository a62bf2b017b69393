package gov.supervision.evaluation.domain;

/** Whether a cadre is serving. */
public enum CadreStatus {
  ACTIVE,
  INACTIVE
}
