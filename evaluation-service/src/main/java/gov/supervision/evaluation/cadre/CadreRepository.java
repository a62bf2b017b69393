package gov.supervision.evaluation.cadre;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Cadre documents. */
public interface CadreRepository extends MongoRepository<CadreDocument, String> {}
