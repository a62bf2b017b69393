package gov.supervision.checklist.domain;

import java.time.LocalDate;

/** The fields an inspector gives a new item (docs/domain.md). */
public record ItemDraft(
    FocusArea focusArea,
    String content,
    String requirements,
    String responsibleUnit,
    String responsiblePerson,
    SupervisionMethod method,
    LocalDate dueDate,
    ReportCadence reportEvery) {}
