/** People's sessions, kept in MongoDB so that every gateway instance shares them. */
package gov.supervision.gateway.session;
