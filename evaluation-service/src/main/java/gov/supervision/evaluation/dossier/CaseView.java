package gov.supervision.evaluation.dossier;

import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.ReviewCase;

/** The review case a file is read for. */
record CaseView(String id, String caseNo, Purpose kind, String kindLabel, String title) {

  static CaseView of(ReviewCase c) {
    return new CaseView(c.id(), c.caseNo(), c.kind(), c.kind().label(), c.title());
  }
}
