package gov.supervision.contracts.checklist;

/** An item was closed out (办结销号) after its report; it has no light any more. */
public record ItemClosed(ItemFacts item, String actor, String note) implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
