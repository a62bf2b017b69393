package gov.supervision.evaluation.reviewcase;

/** A candidate as the case list shows it: the profile only, never the file. */
record CandidateView(String cadreId, String name, String unit, String position) {}
