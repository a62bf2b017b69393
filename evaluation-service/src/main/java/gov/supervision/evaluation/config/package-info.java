/** Service-wide wiring that belongs to no feature. */
package gov.supervision.evaluation.config;
