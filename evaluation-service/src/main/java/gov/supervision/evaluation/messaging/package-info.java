/** Consumes checklist-service's finding events into cadres' files. */
package gov.supervision.evaluation.messaging;
