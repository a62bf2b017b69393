/** The local stack's SMTP server (GreenMail) and its mail listing for the demo. */
package gov.supervision.localstack.mail;
