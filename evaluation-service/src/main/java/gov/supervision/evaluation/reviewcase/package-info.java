/** HR's review cases (选任审查): opening, candidates, closing; the cases file reads must name. */
package gov.supervision.evaluation.reviewcase;
