package gov.supervision.contracts.checklist;

/** An item was published with its checklist and entered the ledger (建立台账). Key = item id. */
public record ItemPublished(ItemFacts item) implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
