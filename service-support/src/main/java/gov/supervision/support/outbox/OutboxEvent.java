package gov.supervision.support.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document (field {@code outbox}) until the relay has published
 * it. It is written in the same single-document write as the change that caused it.
 *
 * @param eventId the CloudEvents {@code ce_id}, unique per event
 * @param type the {@code ce_type}
 * @param topic the topic it goes to
 * @param key the Kafka key (aggregate id)
 * @param time when the change happened ({@code ce_time})
 * @param requestId the request that caused it, for tracing (may be null)
 * @param traceParent the W3C {@code traceparent} of the span that caused it (may be null)
 * @param payload the JSON body
 */
public record OutboxEvent(
    String eventId,
    String type,
    String topic,
    String key,
    Instant time,
    String requestId,
    String traceParent,
    String payload) {

  /** The field that holds pending events in an aggregate document. */
  public static final String FIELD = "outbox";
}
