package gov.supervision.contracts.checklist;

import java.time.Instant;
import java.util.List;

/** A checklist left {@code DRAFT} and became {@code PUBLISHED}; key = checklist id. */
public record ChecklistPublished(
    String checklistId,
    int year,
    String scope,
    String title,
    List<String> itemIds,
    String publishedBy,
    Instant publishedAt)
    implements ChecklistEvent {

  @Override
  public String subject() {
    return checklistId;
  }
}
