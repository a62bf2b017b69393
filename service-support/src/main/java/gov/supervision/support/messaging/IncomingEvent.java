package gov.supervision.support.messaging;

import gov.supervision.contracts.DomainEvent;
import gov.supervision.contracts.EventType;
import java.time.Instant;

/** An event read from a topic: its CloudEvents attributes and its contract record. */
public record IncomingEvent(
    String id,
    EventType type,
    String source,
    String subject,
    Instant time,
    String requestId,
    DomainEvent data) {}
