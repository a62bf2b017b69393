/** Kafka adapters: the event listener and the dead-letter replay. */
package gov.supervision.notification.messaging;
