package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.domain.FocusArea;
import gov.supervision.checklist.domain.HistoryEntry;
import gov.supervision.checklist.domain.Item;
import gov.supervision.checklist.domain.Light;
import gov.supervision.checklist.domain.ReportCadence;
import gov.supervision.checklist.domain.Stage;
import gov.supervision.checklist.domain.SupervisionMethod;
import java.time.LocalDate;
import java.util.List;

/** An item as the API shows it, with its light computed now, its history and findings. */
public record ItemResponse(
    String id,
    String checklistId,
    FocusArea focusArea,
    String content,
    String requirements,
    String responsibleUnit,
    String responsiblePerson,
    SupervisionMethod method,
    LocalDate dueDate,
    ReportCadence reportEvery,
    Stage stage,
    Light light,
    boolean published,
    String assignee,
    List<FindingResponse> findings,
    List<HistoryEntry> history) {

  /** The full item. */
  public static ItemResponse of(Item item, Deadlines deadlines) {
    return new ItemResponse(
        item.id(),
        item.checklistId(),
        item.focusArea(),
        item.content(),
        item.requirements(),
        item.responsibleUnit(),
        item.responsiblePerson(),
        item.method(),
        item.dueDate(),
        item.reportEvery(),
        item.stage(),
        item.light(deadlines),
        item.published(),
        item.assignee(),
        item.findings().stream()
            .map(f -> FindingResponse.of(item.id(), item.responsibleUnit(), f))
            .toList(),
        item.history());
  }
}
