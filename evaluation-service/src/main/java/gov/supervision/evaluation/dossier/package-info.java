/** HR's reads of a cadre's whole file for a stated purpose; every read is logged. */
package gov.supervision.evaluation.dossier;
