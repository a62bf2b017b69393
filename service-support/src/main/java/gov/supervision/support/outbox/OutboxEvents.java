package gov.supervision.support.outbox;

import gov.supervision.contracts.DomainEvent;
import gov.supervision.contracts.EventType;
import gov.supervision.support.web.RequestIdFilter;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/** Turns a contract event into the {@link OutboxEvent} an aggregate keeps until it is sent. */
public class OutboxEvents {

  private final JsonMapper json;
  private final Clock clock;
  private final Supplier<String> currentTraceParent;

  /** Events that carry no trace context (no tracer in the application). */
  public OutboxEvents(JsonMapper json, Clock clock) {
    this(json, clock, () -> null);
  }

  /**
   * @param currentTraceParent the W3C {@code traceparent} of the current span, or null outside one
   */
  public OutboxEvents(JsonMapper json, Clock clock, Supplier<String> currentTraceParent) {
    this.json = json;
    this.clock = clock;
    this.currentTraceParent = currentTraceParent;
  }

  /** A pending event for the contract record, with a fresh id and the current request and trace. */
  public OutboxEvent of(DomainEvent event) {
    EventType type = EventType.of(event);
    return new OutboxEvent(
        UUID.randomUUID().toString(),
        type.ceType(),
        type.topic(),
        event.subject(),
        clock.instant(),
        MDC.get(RequestIdFilter.MDC_KEY),
        currentTraceParent.get(),
        json.writeValueAsString(event));
  }
}
