/**
 * The local stack: launchers for the embedded infrastructure and {@link
 * gov.supervision.localstack.LocalStack}, which starts the whole suite as separate JVMs.
 */
package gov.supervision.localstack;
