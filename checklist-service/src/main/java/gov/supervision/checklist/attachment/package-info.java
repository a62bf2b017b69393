/**
 * Evidence files (附件) of items and findings: upload with the type checked by content, list and
 * download, scoped to the item's unit; the bytes are kept in GridFS.
 */
package gov.supervision.checklist.attachment;
