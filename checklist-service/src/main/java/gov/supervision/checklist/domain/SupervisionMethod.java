package gov.supervision.checklist.domain;

/** How an item is supervised (监督方式). */
public enum SupervisionMethod {
  SPECIAL_INSPECTION,
  PATROL_INSPECTION,
  ROUTINE_CHECK
}
