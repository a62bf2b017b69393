/** Channel deliveries (e-mail, webhook): queued in Mongo, sent by a worker under Resilience4j. */
package gov.supervision.notification.delivery;
