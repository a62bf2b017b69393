/** The local stack's OAuth2 issuer with the demo identities of the public contract. */
package gov.supervision.localstack.auth;
