/** Configuration properties and wiring of the service (the veto windows and their rule bean). */
package gov.supervision.evaluation.config;
