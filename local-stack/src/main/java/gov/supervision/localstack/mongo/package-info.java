/** The local stack's file-backed MongoDB wire-protocol server. */
package gov.supervision.localstack.mongo;
