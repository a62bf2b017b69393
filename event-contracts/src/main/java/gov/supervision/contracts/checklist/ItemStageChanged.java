package gov.supervision.contracts.checklist;

/** An item moved from one closed-loop stage to another (forward, or back with a reason). */
public record ItemStageChanged(ItemFacts item, String from, String to, String actor, String note)
    implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
