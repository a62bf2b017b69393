package gov.supervision.evaluation.reviewcase;

import gov.supervision.evaluation.domain.CaseStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Review case documents. */
interface ReviewCaseRepository extends MongoRepository<ReviewCaseDocument, String> {

  Optional<ReviewCaseDocument> findByCaseNo(String caseNo);

  List<ReviewCaseDocument> findByStatus(CaseStatus status, Sort sort);
}
