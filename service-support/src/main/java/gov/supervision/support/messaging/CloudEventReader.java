package gov.supervision.support.messaging;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.DomainEvent;
import gov.supervision.contracts.EventType;
import gov.supervision.contracts.Topics;
import gov.supervision.support.web.RequestIdFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Kafka record in CloudEvents binary mode into an {@link IncomingEvent}. A type the suite
 * does not know yet is skipped (empty); a record that is broken throws {@link
 * UnreadableEventException}. An {@code x-request-id} that is not a sane id is dropped (null), so a
 * producer cannot put line breaks or megabytes into the consumers' log context. An event whose type
 * belongs on another topic, or whose {@code ce_source} is not the topic's publisher ({@link
 * Topics#publisher}), is unreadable: it goes to the dead-letter topic, never into the state.
 */
public class CloudEventReader {

  private final JsonMapper json;

  public CloudEventReader(JsonMapper json) {
    this.json = json;
  }

  /** The event in the record, or empty when its {@code ce_type} is not one of the suite's. */
  public Optional<IncomingEvent> read(ConsumerRecord<String, String> record) {
    String id = required(record, CloudEventHeaders.ID);
    String ceType = required(record, CloudEventHeaders.TYPE);
    Optional<EventType> type = EventType.ofCeType(ceType);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    if (!type.get().topic().equals(record.topic())) {
      throw new UnreadableEventException(
          "event " + id + " of type " + ceType + " does not belong on " + record.topic(), null);
    }
    String source = header(record, CloudEventHeaders.SOURCE);
    String publisher = Topics.publisher(record.topic());
    if (publisher != null && !publisher.equals(source)) {
      throw new UnreadableEventException(
          "event "
              + id
              + " on "
              + record.topic()
              + " claims source "
              + source
              + "; only "
              + publisher
              + " publishes there",
          null);
    }
    if (record.value() == null) {
      throw new UnreadableEventException("event " + id + " has no body", null);
    }
    try {
      DomainEvent data = json.readValue(record.value(), type.get().recordType());
      String time = header(record, CloudEventHeaders.TIME);
      return Optional.of(
          new IncomingEvent(
              id,
              type.get(),
              source,
              header(record, CloudEventHeaders.SUBJECT),
              time == null ? null : Instant.parse(time),
              RequestIdFilter.saneOrNull(header(record, CloudEventHeaders.REQUEST_ID)),
              data));
    } catch (RuntimeException e) {
      throw new UnreadableEventException("event " + id + " of type " + ceType + " is malformed", e);
    }
  }

  private static String required(ConsumerRecord<String, String> record, String name) {
    String value = header(record, name);
    if (value == null || value.isBlank()) {
      throw new UnreadableEventException("record without header " + name, null);
    }
    return value;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
