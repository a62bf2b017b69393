/** Kafka adapters: the event listener (its dead letters replayed by service-support). */
package gov.supervision.notification.messaging;
