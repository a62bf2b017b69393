/** Limits at the door: request body size and a per-user request rate. */
package gov.supervision.gateway.limits;
