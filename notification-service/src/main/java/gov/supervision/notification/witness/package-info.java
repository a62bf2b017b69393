/**
 * The witness of evaluation-service's access log: every signed checkpoint it publishes is kept
 * here, in this service's own database, where whoever can write evaluation-service's store cannot
 * reach.
 */
package gov.supervision.notification.witness;
