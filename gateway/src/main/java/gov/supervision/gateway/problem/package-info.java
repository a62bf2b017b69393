/** RFC 9457 problem answers of the gateway: one writer, one error handler for all failures. */
package gov.supervision.gateway.problem;
