/** Enum codes with their zh-CN and English labels, from the one message bundle. */
package gov.supervision.checklist.metadata;
