package gov.supervision.contracts.checklist;

/** The unit reported its rectification of a finding; the finding is {@code RECTIFIED}. */
public record FindingRectified(
    String findingId, ItemFacts item, String cadreId, String report, String actor)
    implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
