package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.Item;
import gov.supervision.support.outbox.OutboxEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One item with its findings and history, and the events its changes still owe the topic.
 *
 * <p>Indexes follow the reads: the items list narrows by checklist, unit or responsible person
 * (each an equality) and pages in due-date order with the id as tie-breaker, in either direction
 * (one index serves both, walked backwards for descending); a finding is found by its id.
 */
@Document(ItemDocument.COLLECTION)
@CompoundIndex(name = "due", def = "{'item.dueDate': 1, '_id': 1}")
@CompoundIndex(name = "checklist_due", def = "{'item.checklistId': 1, 'item.dueDate': 1, '_id': 1}")
@CompoundIndex(name = "unit_due", def = "{'item.responsibleUnit': 1, 'item.dueDate': 1, '_id': 1}")
@CompoundIndex(
    name = "person_due",
    def = "{'item.responsiblePerson': 1, 'item.dueDate': 1, '_id': 1}")
@CompoundIndex(name = "finding", def = "{'item.findings.id': 1}")
public class ItemDocument {

  public static final String COLLECTION = "items";

  @Id String id;
  @Version Long version;
  Item item;
  List<OutboxEvent> outbox = new ArrayList<>();

  ItemDocument() {}

  ItemDocument(Item item) {
    this.id = item.id();
    this.item = item;
  }

  public Item item() {
    return item;
  }
}
