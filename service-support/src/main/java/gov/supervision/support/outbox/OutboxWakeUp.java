package gov.supervision.support.outbox;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Hands the relay each saved document that carries pending events, to publish at once. */
class OutboxWakeUp extends AbstractMongoEventListener<Object> {

  private final OutboxRelay relay;

  OutboxWakeUp(OutboxRelay relay) {
    this.relay = relay;
  }

  @Override
  public void onAfterSave(AfterSaveEvent<Object> event) {
    Document document = event.getDocument();
    if (document != null && document.get(OutboxEvent.FIELD) instanceof List<?> pending) {
      if (!pending.isEmpty()) {
        relay.saved(event.getCollectionName(), document.get("_id"));
      }
    }
  }
}
