package gov.supervision.contracts.checklist;

import java.time.LocalDate;

/**
 * A finding (问题) was raised on an item; {@code cadreId} names the cadre concerned, or is null. Key
 * = item id.
 */
public record FindingRaised(
    String findingId,
    ItemFacts item,
    String description,
    String severity,
    String cadreId,
    LocalDate rectifyBy,
    String actor)
    implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
