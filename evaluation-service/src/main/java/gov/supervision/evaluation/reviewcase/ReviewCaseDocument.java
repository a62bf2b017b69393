package gov.supervision.evaluation.reviewcase;

import gov.supervision.evaluation.domain.CaseStatus;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.evaluation.domain.ReviewCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a review case is stored: one document per case, its number unique. */
@Document(ReviewCaseDocument.COLLECTION)
class ReviewCaseDocument {

  static final String COLLECTION = "review_cases";

  @Id String id;
  @Version Long version;

  @Indexed(unique = true)
  String caseNo;

  Purpose kind;
  String title;
  List<String> candidates = new ArrayList<>();
  CaseStatus status;
  String openedBy;
  Instant openedAt;
  String closedBy;
  Instant closedAt;

  static ReviewCaseDocument of(ReviewCase c) {
    ReviewCaseDocument doc = new ReviewCaseDocument();
    doc.id = c.id();
    doc.apply(c);
    return doc;
  }

  /** Takes over the aggregate's state. */
  void apply(ReviewCase c) {
    caseNo = c.caseNo();
    kind = c.kind();
    title = c.title();
    candidates = new ArrayList<>(c.candidates());
    status = c.status();
    openedBy = c.openedBy();
    openedAt = c.openedAt();
    closedBy = c.closedBy();
    closedAt = c.closedAt();
  }

  ReviewCase toDomain() {
    return new ReviewCase(
        id, caseNo, kind, title, candidates, status, openedBy, openedAt, closedBy, closedAt);
  }
}
