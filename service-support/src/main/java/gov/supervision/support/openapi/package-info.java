/** The services' OpenAPI documents, completed in one place: security, tags, summaries, errors. */
package gov.supervision.support.openapi;
