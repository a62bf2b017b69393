/**
 * People in the browser: the gateway as the console's backend (BFF). Sign-in by the authorization
 * code flow with PKCE against the issuer, tokens kept server-side in the session and relayed to the
 * services, CSRF for session calls, logout that hands the browser the issuer's end-session URL.
 */
package gov.supervision.gateway.people;
