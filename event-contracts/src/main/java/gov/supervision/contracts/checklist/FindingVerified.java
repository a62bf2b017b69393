package gov.supervision.contracts.checklist;

/**
 * The inspector checked a rectification: accepted ({@code status = VERIFIED}) or rejected ({@code
 * status = RECTIFYING}, the note says why).
 */
public record FindingVerified(
    String findingId,
    ItemFacts item,
    String cadreId,
    boolean accepted,
    String status,
    String note,
    String actor)
    implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
