package gov.supervision.contracts.checklist;

import java.time.LocalDate;

/** A periodic report (定期报告) of an item is due for the period ending {@code periodEnd}. */
public record ReportDue(ItemFacts item, String cadence, LocalDate periodEnd)
    implements ChecklistEvent {

  @Override
  public String subject() {
    return item.itemId();
  }
}
