/** {@code GET /api/me}: who is calling, and what the console may offer them. */
package gov.supervision.gateway.me;
