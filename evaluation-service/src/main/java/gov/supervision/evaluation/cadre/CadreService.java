package gov.supervision.evaluation.cadre;

import gov.supervision.contracts.Refusal;
import gov.supervision.contracts.evaluation.EvaluationEvent;
import gov.supervision.evaluation.cadre.CadreSheet.CadreRow;
import gov.supervision.evaluation.cadre.ImportRejected.RowProblem;
import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.EvaluationRecord;
import gov.supervision.evaluation.domain.VetoRule;
import gov.supervision.support.outbox.OutboxEvent;
import gov.supervision.support.outbox.OutboxEvents;
import gov.supervision.support.store.OptimisticRetry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Registers cadres (one or a file at a time) and appends evaluation records to their files. */
@Service
public class CadreService {

  private final CadreStore cadres;
  private final VetoRule vetoRule;
  private final OutboxEvents outboxEvents;
  private final FindingLinks findingLinks;
  private final Clock clock;

  CadreService(
      CadreStore cadres,
      VetoRule vetoRule,
      OutboxEvents outboxEvents,
      FindingLinks findingLinks,
      Clock clock) {
    this.cadres = cadres;
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
    return load(cadre.id()).cadre();
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
    Set<String> registered = cadres.registeredAmong(rows.stream().map(CadreRow::id).toList());
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
      } catch (Refusal v) {
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
      cadres.insertAll(
          valid.stream().map(c -> CadreDocument.registered(c, now, importId)).toList());
    } catch (DuplicateKeyException e) {
      cadres.removeImport(importId);
      throw Refusal.conflict(
          "duplicate", "导入期间有编号被他人登记，未导入任何记录 an id was registered meanwhile; nothing imported");
    }
    List<String> ids = valid.stream().map(Cadre::id).toList();
    findingLinks.attachPending(ids);
    return ids;
  }

  /**
   * Appends a record by {@code evaluator} and queues the events it causes, in one write. Appends
   * commute, so a concurrent change of the same file is retried on the fresh document (its
   * supersede checks included) rather than refused.
   */
  public Recorded record(String cadreId, String evaluator, NewRecord input) {
    if (input.date() != null && input.date().isAfter(LocalDate.now(clock))) {
      throw Refusal.invalid("date", "不能晚于今天 must not be in the future");
    }
    String recordId = UUID.randomUUID().toString();
    Instant recordedAt = clock.instant();
    return OptimisticRetry.retry(
        () -> {
          CadreDocument doc = load(cadreId);
          Cadre cadre = doc.cadre();
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
          cadres.save(doc);
          return new Recorded(cadre, record);
        });
  }

  /**
   * One page of profiles (never the file: the records are not even read), filtered by unit code and
   * by a part of the name, ordered by unit and id.
   */
  public List<CadreDocument> page(String unit, String name, int page, int size) {
    return cadres.profiles(unit, name, page, size);
  }

  /** How many cadres the filter of {@link #page} matches. */
  public long count(String unit, String name) {
    return cadres.count(unit, name);
  }

  /** A cadre document: 400 for an ill-formed id, 404 when not registered. */
  public CadreDocument load(String cadreId) {
    return cadres.load(cadreId);
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
