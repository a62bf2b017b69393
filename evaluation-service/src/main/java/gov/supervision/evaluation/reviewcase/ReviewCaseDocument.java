package gov.supervision.evaluation.reviewcase;

import gov.supervision.evaluation.domain.ReviewCase;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a review case is stored: one document per case holding the aggregate ({@code reviewCase}),
 * its number unique; the lists walk the status and opening time.
 */
@Document(ReviewCaseDocument.COLLECTION)
@CompoundIndex(name = "case_no", def = "{'reviewCase.caseNo': 1}", unique = true)
@CompoundIndex(name = "status_opened", def = "{'reviewCase.status': 1, 'reviewCase.openedAt': -1}")
class ReviewCaseDocument {

  static final String COLLECTION = "review_cases";

  @Id String id;
  @Version Long version;
  ReviewCase reviewCase;

  ReviewCaseDocument() {}

  ReviewCaseDocument(ReviewCase reviewCase) {
    this.id = reviewCase.id();
    this.reviewCase = reviewCase;
  }

  ReviewCase reviewCase() {
    return reviewCase;
  }

  /** Takes over the aggregate's new state. */
  void apply(ReviewCase changed) {
    reviewCase = changed;
  }
}
