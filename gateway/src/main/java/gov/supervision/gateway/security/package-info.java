/** The door: JWT resource server, roles from the token, coarse path rules from one table. */
package gov.supervision.gateway.security;
