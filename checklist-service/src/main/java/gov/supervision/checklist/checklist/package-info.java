/** Checklists: drafting, publishing (with their items), archiving, revisions and statistics. */
package gov.supervision.checklist.checklist;
