/** Writing documents safely when replicas and listeners write the same document at once. */
package gov.supervision.support.store;
