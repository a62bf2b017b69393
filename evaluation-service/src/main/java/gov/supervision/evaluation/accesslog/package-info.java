/** The tamper-evident access log of personnel-file reads (hash chain by sequence number). */
package gov.supervision.evaluation.accesslog;
