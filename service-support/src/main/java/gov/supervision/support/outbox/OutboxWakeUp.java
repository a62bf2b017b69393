package gov.supervision.support.outbox;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay as soon as a saved document carries pending events. */
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
        relay.wake();
      }
    }
  }
}
