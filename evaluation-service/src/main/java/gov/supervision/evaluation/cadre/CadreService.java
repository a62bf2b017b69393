package gov.supervision.evaluation.cadre;

import gov.supervision.contracts.evaluation.EvaluationEvent;
import gov.supervision.evaluation.cadre.CadreSheet.CadreRow;
import gov.supervision.evaluation.cadre.ImportRejected.RowProblem;
import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.EvaluationRecord;
import gov.supervision.evaluation.domain.RuleViolation;
import gov.supervision.evaluation.domain.VetoRule;
import gov.supervision.support.outbox.OutboxEvent;
import gov.supervision.support.outbox.OutboxEvents;
import gov.supervision.support.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Registers cadres (one or a file at a time) and appends evaluation records to their files. */
@Service
public class CadreService {

  private final CadreRepository cadres;
  private final MongoTemplate mongo;
  private final VetoRule vetoRule;
  private final OutboxEvents outboxEvents;
  private final FindingLinks findingLinks;
  private final Clock clock;

  CadreService(
      CadreRepository cadres,
      MongoTemplate mongo,
      VetoRule vetoRule,
      OutboxEvents outboxEvents,
      FindingLinks findingLinks,
      Clock clock) {
    this.cadres = cadres;
    this.mongo = mongo;
    this.vetoRule = vetoRule;
    this.outboxEvents = outboxEvents;
    this.findingLinks = findingLinks;
    this.clock = clock;
  }

  /** Registers one cadre; 409 when the id is taken. Kept finding events are attached. */
  public Cadre register(String id, String name, String unit, String position) {
    Cadre cadre = Cadre.register(id, name, unit, position);
    cadres.insert(CadreDocument.registered(cadre, clock.instant(), null));
    findingLinks.attachPending(cadre.id());
    return load(cadre.id()).toDomain();
  }

  /**
   * Registers every cadre of a file, or none: all rows are checked first (fields, duplicates in the
   * file, ids already registered), and a row registered by someone else during the insert undoes
   * the whole import.
   */
  public List<String> importRows(List<CadreRow> rows) {
    List<RowProblem> problems = new ArrayList<>();
    List<Cadre> valid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> registered = registeredAmong(rows.stream().map(CadreRow::id).toList());
    for (CadreRow row : rows) {
      try {
        Cadre cadre = Cadre.register(row.id(), row.name(), row.unit(), row.position());
        if (!seen.add(cadre.id())) {
          problems.add(new RowProblem(row.number(), "id", "文件中编号重复 duplicate id in the file"));
        } else if (registered.contains(cadre.id())) {
          problems.add(new RowProblem(row.number(), "id", "编号已登记 id already registered"));
        } else {
          valid.add(cadre);
        }
      } catch (RuleViolation v) {
        problems.add(new RowProblem(row.number(), v.field(), v.getMessage()));
      }
    }
    if (rows.isEmpty()) {
      problems.add(new RowProblem(2, "file", "没有数据行 no data rows"));
    }
    if (!problems.isEmpty()) {
      throw new ImportRejected(problems);
    }
    String importId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    try {
      cadres.insert(valid.stream().map(c -> CadreDocument.registered(c, now, importId)).toList());
    } catch (DuplicateKeyException e) {
      mongo.remove(new Query(Criteria.where("importId").is(importId)), CadreDocument.class);
      throw ApiProblem.conflict(
          "duplicate", "导入期间有编号被他人登记，未导入任何记录 an id was registered meanwhile; nothing imported");
    }
    List<String> ids = valid.stream().map(Cadre::id).toList();
    findingLinks.attachPending(ids);
    return ids;
  }

  /** Which of {@code ids} are registered already: one lookup per thousand ids, not one each. */
  private Set<String> registeredAmong(List<String> ids) {
    Set<String> registered = new HashSet<>();
    List<String> present = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    for (int from = 0; from < present.size(); from += 1_000) {
      Query query =
          new Query(
              Criteria.where("_id")
                  .in(present.subList(from, Math.min(present.size(), from + 1_000))));
      query.fields().include("_id");
      mongo.find(query, org.bson.Document.class, CadreDocument.COLLECTION).stream()
          .map(d -> d.getString("_id"))
          .forEach(registered::add);
    }
    return registered;
  }

  /**
   * Appends a record by {@code evaluator} and queues the events it causes, in one write. Appends
   * commute, so a concurrent change of the same file is retried on the fresh document (its
   * supersede checks included) rather than refused.
   */
  public Recorded record(String cadreId, String evaluator, NewRecord input) {
    if (input.date() != null && input.date().isAfter(LocalDate.now(clock))) {
      throw ApiProblem.badField("date", "不能晚于今天 must not be in the future");
    }
    String recordId = UUID.randomUUID().toString();
    Instant recordedAt = clock.instant();
    for (int attempt = 1; ; attempt++) {
      CadreDocument doc = load(cadreId);
      Cadre cadre = doc.toDomain();
      EvaluationRecord record =
          new EvaluationRecord(
              recordId,
              input.date(),
              input.source(),
              evaluator,
              input.scores(),
              input.conclusion(),
              input.remarks(),
              input.evidence(),
              input.supersedes(),
              input.correctionReason(),
              recordedAt);
      List<EvaluationEvent> events = cadre.record(record, vetoRule);
      List<OutboxEvent> outbox = events.stream().map(outboxEvents::of).toList();
      doc.apply(cadre, outbox);
      try {
        cadres.save(doc);
        return new Recorded(cadre, record);
      } catch (OptimisticLockingFailureException e) {
        if (attempt >= 10) {
          throw e;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(
            java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, 10_000_000));
      }
    }
  }

  /**
   * One page of profiles (never the file: the records are not even read), filtered by unit code and
   * by a part of the name, ordered by unit and id.
   */
  public List<CadreDocument> page(String unit, String name, int page, int size) {
    Query query = listQuery(unit, name).with(Sort.by("unit", "id")).skip((long) page * size);
    query.limit(size);
    query.fields().include("name", "unit", "position", "status", "registeredAt");
    return mongo.find(query, CadreDocument.class);
  }

  /** How many cadres the filter of {@link #page} matches. */
  public long count(String unit, String name) {
    return mongo.count(listQuery(unit, name), CadreDocument.class);
  }

  private static Query listQuery(String unit, String name) {
    Query query = new Query();
    if (unit != null) {
      query.addCriteria(Criteria.where("unit").is(unit));
    }
    if (name != null) {
      query.addCriteria(Criteria.where("name").regex(java.util.regex.Pattern.quote(name)));
    }
    return query;
  }

  /** A cadre document, or 404. */
  public CadreDocument load(String cadreId) {
    if (cadreId == null || !Cadre.ID.matcher(cadreId).matches()) {
      throw ApiProblem.badField("id", "编号格式无效 invalid cadre id");
    }
    return cadres.findById(cadreId).orElseThrow(() -> ApiProblem.notFound("干部 cadre", cadreId));
  }

  /** What a new record says, as the evaluator entered it. */
  public record NewRecord(
      LocalDate date,
      gov.supervision.evaluation.domain.Source source,
      java.util.Map<gov.supervision.evaluation.domain.Dimension, Integer> scores,
      gov.supervision.evaluation.domain.Conclusion conclusion,
      String remarks,
      List<String> evidence,
      String supersedes,
      String correctionReason) {}

  /** The file after recording, and the new record. */
  public record Recorded(Cadre cadre, EvaluationRecord record) {}
}
