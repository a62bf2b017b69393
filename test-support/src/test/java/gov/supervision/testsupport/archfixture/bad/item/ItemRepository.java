package gov.supervision.testsupport.archfixture.bad.item;

import org.springframework.data.repository.Repository;

/** A Spring Data repository interface instead of a store over MongoTemplate (never run). */
public interface ItemRepository extends Repository<Object, String> {}
