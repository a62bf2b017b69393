package gov.supervision.contracts.checklist;

/**
 * An item's light turned {@code YELLOW}: due within the yellow window and not closed. Key = item
 * id.
 */
public record ItemDueSoon(ItemFacts item) implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
