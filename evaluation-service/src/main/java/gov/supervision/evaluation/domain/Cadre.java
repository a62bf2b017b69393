package gov.supervision.evaluation.domain;

import gov.supervision.contracts.Refusal;
import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.contracts.evaluation.EvaluationEvent;
import gov.supervision.contracts.evaluation.EvaluationRecorded;
import gov.supervision.contracts.evaluation.VetoLapsed;
import gov.supervision.contracts.evaluation.VetoReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cadre (党员干部) with the political-quality file: append-only evaluation records, linked inspection
 * findings, and the veto state last announced per purpose (so that becoming vetoed and the veto
 * lapsing each raise their event once).
 */
public final class Cadre {

  /** Cadre ids: letters, digits, {@code -} and {@code _}, as token {@code sub}s are. */
  public static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");

  /** Unit codes: 2-10 capital letters. */
  public static final Pattern UNIT = Pattern.compile("^[A-Z]{2,10}$");

  private final String id;
  private final String name;
  private final String unit;
  private final String position;
  private final CadreStatus status;
  private final List<EvaluationRecord> records;
  private final List<LinkedFinding> findings;
  private final Set<Purpose> vetoed;
  private final List<String> appliedEvents;

  public Cadre(
      String id,
      String name,
      String unit,
      String position,
      CadreStatus status,
      List<EvaluationRecord> records,
      List<LinkedFinding> findings,
      Set<Purpose> vetoed,
      List<String> appliedEvents) {
    this.id = id;
    this.name = name;
    this.unit = unit;
    this.position = position;
    this.status = status;
    this.records = new ArrayList<>(records == null ? List.of() : records);
    this.findings = new ArrayList<>(findings == null ? List.of() : findings);
    this.vetoed =
        vetoed == null || vetoed.isEmpty() ? EnumSet.noneOf(Purpose.class) : EnumSet.copyOf(vetoed);
    this.appliedEvents = new ArrayList<>(appliedEvents == null ? List.of() : appliedEvents);
  }

  /** A newly registered, active cadre with an empty file; checks every field. */
  public static Cadre register(String id, String name, String unit, String position) {
    requireMatch("id", id, ID, "须为 1-64 位字母、数字、-、_ letters, digits, - or _ (1-64)");
    requireText("name", name, 100);
    requireMatch("unit", unit, UNIT, "须为 2-10 位大写字母 2-10 capital letters");
    requireText("position", position, 100);
    return new Cadre(
        id,
        name.strip(),
        unit,
        position.strip(),
        CadreStatus.ACTIVE,
        List.of(),
        List.of(),
        Set.of(),
        List.of());
  }

  /** Appends a record (checking what it supersedes) and returns the events it causes. */
  public List<EvaluationEvent> record(EvaluationRecord record, VetoRule rule) {
    if (find(record.id()).isPresent()) {
      throw Refusal.conflict("duplicate-record", "记录已存在 record " + record.id() + " exists");
    }
    if (record.isCorrection()) {
      if (find(record.supersedes()).isEmpty()) {
        throw Refusal.conflict(
            "record-not-in-file",
            "被更正的记录不在该干部档案中 record " + record.supersedes() + " is not in this file");
      }
      if (isSuperseded(record.supersedes())) {
        throw Refusal.conflict(
            "already-superseded",
            "该记录已被更正 record " + record.supersedes() + " is already superseded");
      }
    }
    records.add(record);
    List<EvaluationEvent> events = new ArrayList<>();
    events.add(
        new EvaluationRecorded(
            record.id(),
            id,
            unit,
            record.date(),
            record.source().name(),
            record.conclusion().name(),
            record.evaluator(),
            record.supersedes()));
    events.addAll(reassessVeto(rule));
    return events;
  }

  /**
   * Compares the veto decisions of today with the state last announced and returns at most one
   * {@code CadreVetoed} (every purpose the cadre became vetoed for, with the records behind it) and
   * at most one {@code VetoLapsed} (every purpose whose veto ended): one decision, one event.
   */
  public List<EvaluationEvent> reassessVeto(VetoRule rule) {
    List<String> vetoedNow = new ArrayList<>();
    List<String> lapsedNow = new ArrayList<>();
    Map<String, VetoReason> reasons = new LinkedHashMap<>();
    for (Purpose purpose : Purpose.values()) {
      VetoDecision decision = rule.decide(records, purpose);
      if (decision.vetoed() && vetoed.add(purpose)) {
        vetoedNow.add(purpose.name());
        decision.reasons().forEach(r -> reasons.putIfAbsent(r.recordId(), r));
      } else if (!decision.vetoed() && vetoed.remove(purpose)) {
        lapsedNow.add(purpose.name());
      }
    }
    List<EvaluationEvent> events = new ArrayList<>();
    if (!vetoedNow.isEmpty()) {
      events.add(new CadreVetoed(id, name, unit, vetoedNow, List.copyOf(reasons.values())));
    }
    if (!lapsedNow.isEmpty()) {
      events.add(new VetoLapsed(id, name, unit, lapsedNow));
    }
    return events;
  }

  /**
   * Links a raised finding once per event id; false when the event was applied before. A raise that
   * comes after a status change of the same finding (a kept raise attached at registration) fills
   * in the details the status change lacked and keeps its status.
   */
  public boolean linkFinding(String eventId, LinkedFinding finding) {
    if (appliedEvents.contains(eventId)) {
      return false;
    }
    appliedEvents.add(eventId);
    Optional<LinkedFinding> known = findFinding(finding.findingId());
    if (known.isPresent()) {
      findings.set(findings.indexOf(known.get()), known.get().withDetailsOf(finding));
    } else {
      findings.add(finding);
    }
    return true;
  }

  /**
   * Moves a linked finding to a new status once per event id (linking it when its raise was never
   * seen); false when the event was applied before.
   */
  public boolean updateFinding(String eventId, LinkedFinding finding) {
    if (appliedEvents.contains(eventId)) {
      return false;
    }
    appliedEvents.add(eventId);
    Optional<LinkedFinding> known = findFinding(finding.findingId());
    if (known.isPresent()) {
      findings.set(
          findings.indexOf(known.get()),
          known.get().withStatus(finding.status(), finding.updatedAt()));
    } else {
      findings.add(finding);
    }
    return true;
  }

  /** Whether a later record supersedes the record. */
  public boolean isSuperseded(String recordId) {
    return records.stream().anyMatch(r -> recordId.equals(r.supersedes()));
  }

  /** The id of the record that supersedes the record, if any. */
  public Optional<String> supersededBy(String recordId) {
    return records.stream()
        .filter(r -> recordId.equals(r.supersedes()))
        .map(EvaluationRecord::id)
        .findFirst();
  }

  private Optional<EvaluationRecord> find(String recordId) {
    return records.stream().filter(r -> r.id().equals(recordId)).findFirst();
  }

  private Optional<LinkedFinding> findFinding(String findingId) {
    return findings.stream().filter(f -> f.findingId().equals(findingId)).findFirst();
  }

  private static void requireMatch(String field, String value, Pattern pattern, String message) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw Refusal.invalid(field, message);
    }
  }

  private static void requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw Refusal.invalid(field, "不能为空 is required");
    }
    if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
      throw Refusal.invalid(field, "过长或含控制字符 too long or has control characters");
    }
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String unit() {
    return unit;
  }

  public String position() {
    return position;
  }

  public CadreStatus status() {
    return status;
  }

  public List<EvaluationRecord> records() {
    return List.copyOf(records);
  }

  public List<LinkedFinding> findings() {
    return List.copyOf(findings);
  }

  public Set<Purpose> vetoed() {
    return vetoed.isEmpty() ? Set.of() : Set.copyOf(vetoed);
  }

  public List<String> appliedEvents() {
    return List.copyOf(appliedEvents);
  }
}
