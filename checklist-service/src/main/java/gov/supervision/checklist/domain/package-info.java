/**
 * The checklist domain without any framework: checklists, items with their six-stage closed loop,
 * findings, history, warning lights and unit early-warning levels (docs/domain.md, "The annual
 * checklist").
 */
package gov.supervision.checklist.domain;
