package gov.supervision.notification.messaging;

import gov.supervision.contracts.Topics;
import gov.supervision.notification.alert.NotificationWriter;
import gov.supervision.notification.domain.Alerts;
import gov.supervision.notification.escalation.RedItemStore;
import gov.supervision.support.messaging.CloudEventReader;
import gov.supervision.support.messaging.IncomingEvent;
import gov.supervision.support.messaging.ProcessedEvents;
import gov.supervision.support.messaging.deadletter.ReplayableListener;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the checklist and evaluation topics: each readable event becomes the notifications its
 * rule asks for (each insert claims the event for its addressee: a redelivery finds it taken) and
 * updates the red-item tracking (claimed by event id first, with {@link ProcessedEvents#once}, so a
 * late duplicate cannot turn a closed item red again). A broken record throws and is dead-lettered
 * by the shared error handler; unknown types are skipped. The administrator's dead-letter replay
 * hands its parked records back here ({@link ReplayableListener}).
 */
@Component
class NotificationEventListener implements ReplayableListener {

  static final String ID = "notification-events";

  /** The consumer name under which the red-item tracking claims the events it acts on. */
  static final String RED_ITEMS = "notification-red-items";

  private static final Logger log = LoggerFactory.getLogger(NotificationEventListener.class);

  private final CloudEventReader reader;
  private final NotificationWriter writer;
  private final RedItemStore redItems;
  private final ProcessedEvents processed;

  NotificationEventListener(
      CloudEventReader reader,
      NotificationWriter writer,
      RedItemStore redItems,
      ProcessedEvents processed) {
    this.reader = reader;
    this.writer = writer;
    this.redItems = redItems;
    this.processed = processed;
  }

  @KafkaListener(
      id = ID,
      groupId = "notification-service",
      topics = {Topics.CHECKLIST, Topics.EVALUATION})
  @Override
  public void on(ConsumerRecord<String, String> record) {
    Optional<IncomingEvent> read = reader.read(record);
    if (read.isEmpty()) {
      return;
    }
    IncomingEvent event = read.get();
    if (event.requestId() != null) {
      MDC.put("requestId", event.requestId());
    }
    try {
      int created = writer.write(Alerts.from(event.id(), event.data()));
      if (RedItemStore.follows(event.data())) {
        processed.once(RED_ITEMS, event.id(), () -> redItems.track(event.data()));
      }
      if (created > 0) {
        log.info("event {} {} raised {} notification(s)", event.type(), event.id(), created);
      }
    } finally {
      MDC.remove("requestId");
    }
  }
}
