/**
 * Every Kafka listener of the service: each reads the CloudEvent, claims its id before acting (in
 * the same write as the change) and hands it to a feature.
 */
package gov.supervision.checklist.messaging;
