package gov.supervision.contracts.checklist;

/**
 * An item entered {@code ASSIGNED} (专人盯办); {@code assignee} follows it up, else the responsible
 * person. Key = item id.
 */
public record ItemAssigned(ItemFacts item, String assignee, String actor, String note)
    implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
