/** Excel (.xlsx) export of a checklist, the import template, and all-or-nothing import. */
package gov.supervision.checklist.excel;
