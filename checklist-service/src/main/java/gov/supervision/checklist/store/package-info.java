/**
 * MongoDB documents and stores: one document per item (findings and history embedded), one per
 * checklist (revisions embedded), one per unit's early-warning state; each with its outbox.
 */
package gov.supervision.checklist.store;
