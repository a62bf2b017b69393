/** Request ids: kept or made at the door, returned, relayed and written in every log line. */
package gov.supervision.gateway.tracing;
