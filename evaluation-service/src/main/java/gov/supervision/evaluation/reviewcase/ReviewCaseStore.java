package gov.supervision.evaluation.reviewcase;

import gov.supervision.evaluation.domain.CaseStatus;
import gov.supervision.evaluation.domain.ReviewCase;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The review cases collection: the only class that queries it. A save is optimistic (the document's
 * version); the caller retries a lost race on a fresh load.
 */
@Component
class ReviewCaseStore {

  private final MongoTemplate mongo;

  ReviewCaseStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Stores a newly opened case; {@code DuplicateKeyException} when its number is taken. */
  void insert(ReviewCase opened) {
    mongo.insert(new ReviewCaseDocument(opened));
  }

  /** Saves a changed case; {@code OptimisticLockingFailureException} when it changed meanwhile. */
  void save(ReviewCaseDocument doc) {
    mongo.save(doc);
  }

  /** The case of this id, if any. */
  Optional<ReviewCaseDocument> find(String id) {
    return Optional.ofNullable(mongo.findById(id, ReviewCaseDocument.class));
  }

  /** The case with this number, if any. */
  Optional<ReviewCase> byCaseNo(String caseNo) {
    return Optional.ofNullable(
            mongo.findOne(
                new Query(Criteria.where("reviewCase.caseNo").is(caseNo)),
                ReviewCaseDocument.class))
        .map(ReviewCaseDocument::reviewCase);
  }

  /** Every case, or those in one status, newest first. */
  List<ReviewCase> list(CaseStatus status) {
    Query query =
        status == null ? new Query() : new Query(Criteria.where("reviewCase.status").is(status));
    query.with(Sort.by(Sort.Direction.DESC, "reviewCase.openedAt"));
    return mongo.find(query, ReviewCaseDocument.class).stream()
        .map(ReviewCaseDocument::reviewCase)
        .toList();
  }
}
