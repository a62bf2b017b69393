/**
 * Kafka adapters, every {@code @KafkaListener} of the service: the checklist and evaluation events
 * that become notifications (their dead letters replayed by service-support) and the access-log
 * checkpoints the witness keeps.
 */
package gov.supervision.notification.messaging;
