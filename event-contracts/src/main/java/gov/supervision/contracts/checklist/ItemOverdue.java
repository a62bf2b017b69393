package gov.supervision.contracts.checklist;

/** An item's light turned {@code RED}: past its due date and not closed. Key = item id. */
public record ItemOverdue(ItemFacts item) implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
