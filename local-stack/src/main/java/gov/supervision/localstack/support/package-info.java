/** Small helpers shared by the launchers: argument parsing and the parent-process watch. */
package gov.supervision.localstack.support;
