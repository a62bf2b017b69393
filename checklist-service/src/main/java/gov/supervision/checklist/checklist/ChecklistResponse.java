package gov.supervision.checklist.checklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.supervision.checklist.domain.Checklist;
import gov.supervision.checklist.domain.ChecklistStatus;
import gov.supervision.checklist.domain.Revision;
import gov.supervision.checklist.item.ItemResponse;
import java.time.Instant;
import java.util.List;

/** A checklist as the API shows it; {@code items} only when asked for one checklist. */
public record ChecklistResponse(
    String id,
    int year,
    String scope,
    String title,
    ChecklistStatus status,
    String createdBy,
    Instant createdAt,
    String publishedBy,
    Instant publishedAt,
    Instant archivedAt,
    List<Revision> revisions,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ItemResponse> items) {

  static ChecklistResponse of(Checklist c, List<ItemResponse> items) {
    return new ChecklistResponse(
        c.id(),
        c.year(),
        c.scope(),
        c.title(),
        c.status(),
        c.createdBy(),
        c.createdAt(),
        c.publishedBy(),
        c.publishedAt(),
        c.archivedAt(),
        c.revisions(),
        items);
  }
}
