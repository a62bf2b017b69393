package gov.supervision.contracts.checklist;

import gov.supervision.contracts.DomainEvent;

/** An event on topic {@code supervision.checklist.v1}, published by checklist-service. */
public sealed interface ChecklistEvent extends DomainEvent
    permits ChecklistPublished,
        ItemPublished,
        ItemAssigned,
        ItemStageChanged,
        ItemDueSoon,
        ItemOverdue,
        ItemClosed,
        FindingRaised,
        FindingRectified,
        FindingVerified,
        ReportDue,
        UnitEarlyWarningRaised {}
