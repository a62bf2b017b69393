/** How this service's own domain refusals become problem+json. */
package gov.supervision.evaluation.web;
