package gov.supervision.evaluation.cadre;

import gov.supervision.contracts.Refusal;
import gov.supervision.evaluation.domain.Cadre;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The cadres collection: the only class that queries it. A save is optimistic (the document's
 * version); the caller retries a lost race on a fresh load.
 */
@Component
public class CadreStore {

  /** Lookups by many ids go this many at a time. */
  private static final int BATCH = 1_000;

  /** What the profile list and a case's candidate list read: never the records. */
  private static final String[] PROFILE = {
    "cadre.id", "cadre.name", "cadre.unit", "cadre.position", "cadre.status", "registeredAt"
  };

  private final MongoTemplate mongo;

  CadreStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Stores a newly registered cadre; {@code DuplicateKeyException} when the id is taken. */
  void insert(CadreDocument doc) {
    mongo.insert(doc);
  }

  /** Stores the cadres of an import in one batch; {@code DuplicateKeyException} on a taken id. */
  void insertAll(List<CadreDocument> docs) {
    mongo.insertAll(docs);
  }

  /** Removes what an import stored (undoing an import that lost a race). */
  void removeImport(String importId) {
    mongo.remove(new Query(Criteria.where("importId").is(importId)), CadreDocument.class);
  }

  /**
   * Saves a changed document; {@code OptimisticLockingFailureException} when it changed meanwhile.
   */
  void save(CadreDocument doc) {
    mongo.save(doc);
  }

  /** The cadre's document, if registered. */
  Optional<CadreDocument> find(String cadreId) {
    return Optional.ofNullable(mongo.findById(cadreId, CadreDocument.class));
  }

  /** The cadre's document: 400 for an ill-formed id, 404 when not registered. */
  public CadreDocument load(String cadreId) {
    if (cadreId == null || !Cadre.ID.matcher(cadreId).matches()) {
      throw Refusal.invalid("id", "编号格式无效 invalid cadre id");
    }
    return find(cadreId).orElseThrow(() -> Refusal.notFound("干部 cadre", cadreId));
  }

  /** Whether a cadre of this id is registered. */
  public boolean exists(String cadreId) {
    return cadreId != null && mongo.exists(byId(cadreId), CadreDocument.class);
  }

  /** Which of {@code ids} are registered already: one lookup per thousand ids, not one each. */
  Set<String> registeredAmong(Collection<String> ids) {
    Set<String> registered = new HashSet<>();
    List<String> present = ids.stream().filter(Objects::nonNull).distinct().toList();
    for (int from = 0; from < present.size(); from += BATCH) {
      Query query =
          new Query(
              Criteria.where("_id")
                  .in(present.subList(from, Math.min(present.size(), from + BATCH))));
      query.fields().include("_id");
      mongo.find(query, org.bson.Document.class, CadreDocument.COLLECTION).stream()
          .map(d -> d.getString("_id"))
          .forEach(registered::add);
    }
    return registered;
  }

  /**
   * One page of profiles, the records not even read, filtered by unit code and by a part of the
   * name (either may be null), ordered by unit and id.
   */
  List<CadreDocument> profiles(String unit, String name, int page, int size) {
    Query query = listQuery(unit, name).with(Sort.by("cadre.unit", "id")).skip((long) page * size);
    query.limit(size);
    query.fields().include(PROFILE);
    return mongo.find(query, CadreDocument.class);
  }

  /** How many cadres the filter of {@link #profiles} matches. */
  long count(String unit, String name) {
    return mongo.count(listQuery(unit, name), CadreDocument.class);
  }

  /** The profiles (no records) of those of {@code ids} that are registered. */
  public List<Cadre> profilesOf(Collection<String> ids) {
    List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
    List<Cadre> found = new java.util.ArrayList<>();
    for (int from = 0; from < wanted.size(); from += BATCH) {
      Query query =
          new Query(
              Criteria.where("_id")
                  .in(wanted.subList(from, Math.min(wanted.size(), from + BATCH))));
      query.fields().include(PROFILE);
      mongo.find(query, CadreDocument.class).stream().map(CadreDocument::cadre).forEach(found::add);
    }
    return found;
  }

  /** Every cadre vetoed for some purpose, whose veto may lapse as time passes. */
  List<CadreDocument> vetoed() {
    return mongo.find(
        new Query(Criteria.where("cadre.vetoed.0").exists(true)), CadreDocument.class);
  }

  private static Query listQuery(String unit, String name) {
    Query query = new Query();
    if (unit != null) {
      query.addCriteria(Criteria.where("cadre.unit").is(unit));
    }
    if (name != null) {
      query.addCriteria(Criteria.where("cadre.name").regex(Pattern.quote(name)));
    }
    return query;
  }

  private static Query byId(String cadreId) {
    return new Query(Criteria.where("_id").is(cadreId));
  }
}
