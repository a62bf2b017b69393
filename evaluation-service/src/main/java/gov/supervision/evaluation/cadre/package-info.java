/** Cadres, their evaluation records and the veto state: registration, import, recording. */
package gov.supervision.evaluation.cadre;
