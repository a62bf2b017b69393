package gov.supervision.checklist.store;

import gov.supervision.checklist.domain.Item;
import gov.supervision.support.outbox.OutboxEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** One item with its findings and history, and the events its changes still owe the topic. */
@Document(ItemDocument.COLLECTION)
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
