/**
 * The people the gateway has seen sign in, so the console can show a name for a person id ({@code
 * GET /api/people?ids=}).
 */
package gov.supervision.gateway.directory;
