/**
 * The checklist domain without any framework: checklists, items with their six-stage closed loop,
 * findings, history, warning lights and unit early-warning levels (domain.md §1).
 */
package gov.supervision.checklist.domain;
