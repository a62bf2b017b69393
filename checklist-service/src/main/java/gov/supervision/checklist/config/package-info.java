/** Typed configuration of checklist-service and the beans built from it. */
package gov.supervision.checklist.config;
