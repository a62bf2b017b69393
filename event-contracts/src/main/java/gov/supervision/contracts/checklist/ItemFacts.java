package gov.supervision.contracts.checklist;

import java.time.LocalDate;

/**
 * What every item event says about its item, so that a consumer can address and word an alert
 * without asking checklist-service.
 *
 * @param itemId the item
 * @param checklistId the checklist the item belongs to
 * @param content the item's supervision content (监督内容)
 * @param responsibleUnit unit code of the responsible unit (责任主体)
 * @param responsiblePerson cadre id (token {@code sub}) of the responsible person
 * @param dueDate the item's due date
 */
public record ItemFacts(
    String itemId,
    String checklistId,
    String content,
    String responsibleUnit,
    String responsiblePerson,
    LocalDate dueDate) {}
