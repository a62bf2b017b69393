/** Items of a checklist: the closed loop, progress notes, findings and their rectification. */
package gov.supervision.checklist.item;
