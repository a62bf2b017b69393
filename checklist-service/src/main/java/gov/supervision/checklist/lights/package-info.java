/** The scheduled scan: lights, periodic reports, unfinished publications, early warnings. */
package gov.supervision.checklist.lights;
