package gov.supervision.checklist.checklist;

import gov.supervision.checklist.domain.Checklist;
import gov.supervision.support.outbox.OutboxEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One checklist with its revisions and pending events; one checklist per scope and year. */
@Document(ChecklistDocument.COLLECTION)
class ChecklistDocument {

  static final String COLLECTION = "checklists";

  @Id String id;
  @Version Long version;

  @Indexed(unique = true)
  String scopeYear;

  Checklist checklist;
  List<OutboxEvent> outbox = new ArrayList<>();

  ChecklistDocument() {}

  ChecklistDocument(Checklist checklist) {
    this.id = checklist.id();
    this.scopeYear = checklist.scope() + ":" + checklist.year();
    this.checklist = checklist;
  }

  Checklist checklist() {
    return checklist;
  }
}
