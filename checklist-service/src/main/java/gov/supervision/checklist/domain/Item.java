package gov.supervision.checklist.domain;

import gov.supervision.contracts.Refusal;
import gov.supervision.contracts.checklist.ChecklistEvent;
import gov.supervision.contracts.checklist.FindingRaised;
import gov.supervision.contracts.checklist.FindingRectified;
import gov.supervision.contracts.checklist.FindingVerified;
import gov.supervision.contracts.checklist.ItemAssigned;
import gov.supervision.contracts.checklist.ItemClosed;
import gov.supervision.contracts.checklist.ItemDueSoon;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.contracts.checklist.ItemPublished;
import gov.supervision.contracts.checklist.ItemStageChanged;
import gov.supervision.contracts.checklist.ReportDue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A checklist item (重点事项) and its six-stage closed loop. Every command checks the state, keeps a
 * history entry and records the contract events it causes; {@link #drainEvents()} hands them to the
 * outbox.
 */
public class Item {

  private String id;
  private String checklistId;
  private FocusArea focusArea;
  private String content;
  private String requirements;
  private String responsibleUnit;
  private String responsiblePerson;
  private SupervisionMethod method;
  private LocalDate dueDate;
  private ReportCadence reportEvery;
  private Stage stage;
  private boolean published;
  private String assignee;

  /** The light last announced (ItemDueSoon / ItemOverdue are raised when it changes). */
  private Light announcedLight;

  /** End of the last reporting period a ReportDue was raised for. */
  private LocalDate reportedPeriodEnd;

  private List<Finding> findings = new ArrayList<>();
  private List<HistoryEntry> history = new ArrayList<>();
  private transient List<ChecklistEvent> events = new ArrayList<>();

  private Item() {}

  /** A new item of a checklist, in the ledger but not yet published. */
  public static Item register(
      String id, String checklistId, ItemDraft draft, String actor, Instant now) {
    Item item = new Item();
    item.id = Objects.requireNonNull(id);
    item.checklistId = Objects.requireNonNull(checklistId);
    item.focusArea = Objects.requireNonNull(draft.focusArea());
    item.content = Objects.requireNonNull(draft.content());
    item.requirements = draft.requirements();
    item.responsibleUnit = Objects.requireNonNull(draft.responsibleUnit());
    item.responsiblePerson = Objects.requireNonNull(draft.responsiblePerson());
    item.method = Objects.requireNonNull(draft.method());
    item.dueDate = Objects.requireNonNull(draft.dueDate());
    item.reportEvery = draft.reportEvery();
    item.stage = Stage.LEDGER_REGISTERED;
    item.history.add(
        entry(now, actor, HistoryKind.REGISTERED, null, Stage.LEDGER_REGISTERED, null));
    return item;
  }

  /**
   * Replaces the fields of an item that is not published yet (its checklist is a draft); the change
   * joins the history. A published item changes only through revisions of its checklist.
   */
  public void redraft(ItemDraft draft, String actor, Instant now) {
    requireUnpublished();
    focusArea = Objects.requireNonNull(draft.focusArea());
    content = Objects.requireNonNull(draft.content());
    requirements = draft.requirements();
    responsibleUnit = Objects.requireNonNull(draft.responsibleUnit());
    responsiblePerson = Objects.requireNonNull(draft.responsiblePerson());
    method = Objects.requireNonNull(draft.method());
    dueDate = Objects.requireNonNull(draft.dueDate());
    reportEvery = draft.reportEvery();
    history.add(entry(now, actor, HistoryKind.REDRAFTED, null, stage, null));
  }

  /** Refuses (409) any draft-only change once the item is published. */
  public void requireUnpublished() {
    if (published) {
      throw Refusal.conflict(
          "item-published",
          "事项已发布，只能通过清单修订变更 the item is published; it changes only through revisions");
    }
  }

  /**
   * Publishes the item with its checklist (idempotent: a published item is left alone). Raises
   * ItemPublished and, when already due soon or overdue, the light's event.
   */
  public boolean publish(String actor, String note, Deadlines deadlines) {
    if (published) {
      return false;
    }
    published = true;
    HistoryEntry entry =
        entry(deadlines.now(), actor, HistoryKind.PUBLISHED, null, stage, note)
            .withKind(note == null ? HistoryKind.PUBLISHED : HistoryKind.REVISION);
    history.add(entry);
    events.add(new ItemPublished(facts()));
    refreshLight(deadlines);
    return true;
  }

  /**
   * Moves the item through the closed loop: only to the next stage, or back to an earlier one with
   * a note; CLOSED only after REPORTED and when every finding is verified.
   */
  public void advanceTo(
      Stage to,
      String actor,
      String note,
      String assignee,
      List<Evidence> evidence,
      Deadlines deadlines) {
    Objects.requireNonNull(to, "to");
    if (!published) {
      throw Refusal.conflict("not-published", "事项尚未发布 the item's checklist is not published yet");
    }
    if (stage == Stage.CLOSED) {
      throw Refusal.conflict("illegal-transition", "事项已办结 the item is closed");
    }
    boolean back = stage.isBack(to);
    if (!back && !stage.isNext(to)) {
      throw Refusal.conflict(
          "illegal-transition",
          "不能从 " + stage + " 跳转到 " + to + " cannot move from " + stage + " to " + to);
    }
    if (back && (note == null || note.isBlank())) {
      throw Refusal.invalid("note", "退回须说明理由 going back needs a note");
    }
    if (to == Stage.CLOSED && findings.stream().anyMatch(Finding::isOpen)) {
      throw Refusal.conflict(
          "open-findings", "存在未验收的问题，不能办结 an open finding keeps the item from closing");
    }
    Stage from = stage;
    stage = to;
    if (to == Stage.ASSIGNED && assignee != null && !assignee.isBlank()) {
      this.assignee = assignee;
    }
    history.add(
        new HistoryEntry(
            deadlines.now(), actor, HistoryKind.STAGE_CHANGED, from, to, null, note, evidence));
    ItemFacts facts = facts();
    events.add(new ItemStageChanged(facts, from.name(), to.name(), actor, note));
    if (to == Stage.ASSIGNED) {
      events.add(
          new ItemAssigned(
              facts, this.assignee != null ? this.assignee : responsiblePerson, actor, note));
    }
    if (to == Stage.CLOSED) {
      events.add(new ItemClosed(facts, actor, note));
    }
    refreshLight(deadlines);
  }

  /** A progress note (and evidence) from the unit or the inspector joins the history. */
  public void addProgress(String actor, String note, List<Evidence> evidence, Deadlines deadlines) {
    if (note == null || note.isBlank()) {
      throw Refusal.invalid("note", "进展说明不能为空 the note is required");
    }
    history.add(
        new HistoryEntry(
            deadlines.now(), actor, HistoryKind.PROGRESS, null, null, null, note, evidence));
    refreshLight(deadlines);
  }

  /** Raises a finding on a published, open item. */
  public Finding raiseFinding(
      String findingId,
      String description,
      Severity severity,
      String cadreId,
      LocalDate rectifyBy,
      String actor,
      Deadlines deadlines) {
    if (!published || stage == Stage.CLOSED) {
      throw Refusal.conflict(
          "illegal-finding", "只能对已发布且未办结的事项提出问题 findings need a published, open item");
    }
    if (description == null || description.isBlank()) {
      throw Refusal.invalid("description", "问题描述不能为空 the description is required");
    }
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rectifyBy, "rectifyBy");
    Finding finding =
        Finding.raise(findingId, description, severity, cadreId, rectifyBy, actor, deadlines.now());
    findings.add(finding);
    history.add(
        entry(deadlines.now(), actor, HistoryKind.FINDING_RAISED, null, null, description)
            .withFinding(findingId));
    events.add(
        new FindingRaised(
            findingId, facts(), description, severity.name(), cadreId, rectifyBy, actor));
    refreshLight(deadlines);
    return finding;
  }

  /** The unit reports its rectification (with evidence): the finding becomes RECTIFIED. */
  public Finding rectify(
      String findingId, String report, List<Evidence> evidence, String actor, Deadlines deadlines) {
    Finding finding = finding(findingId);
    finding.rectify(report, evidence, deadlines.now());
    history.add(
        new HistoryEntry(
            deadlines.now(),
            actor,
            HistoryKind.FINDING_RECTIFIED,
            null,
            null,
            findingId,
            report,
            evidence));
    events.add(new FindingRectified(findingId, facts(), finding.cadreId(), report, actor));
    refreshLight(deadlines);
    return finding;
  }

  /** The inspector accepts (VERIFIED) or rejects (back to RECTIFYING, with a note) a report. */
  public Finding verify(
      String findingId, boolean accepted, String note, String actor, Deadlines deadlines) {
    Finding finding = finding(findingId);
    finding.verify(accepted, note, deadlines.now());
    history.add(
        entry(
                deadlines.now(),
                actor,
                accepted ? HistoryKind.FINDING_VERIFIED : HistoryKind.FINDING_REJECTED,
                null,
                null,
                note)
            .withFinding(findingId));
    events.add(
        new FindingVerified(
            findingId, facts(), finding.cadreId(), accepted, finding.status().name(), note, actor));
    refreshLight(deadlines);
    return finding;
  }

  /**
   * Recomputes the light of a published item and announces a change into YELLOW (ItemDueSoon) or
   * RED (ItemOverdue) once; a light that stays the same raises nothing.
   */
  public boolean refreshLight(Deadlines deadlines) {
    if (!published) {
      return false;
    }
    Light now = light(deadlines);
    if (now == announcedLight) {
      return false;
    }
    announcedLight = now;
    if (now == Light.YELLOW) {
      events.add(new ItemDueSoon(facts()));
    } else if (now == Light.RED) {
      events.add(new ItemOverdue(facts()));
    }
    return true;
  }

  /**
   * Raises ReportDue once per reporting period, from {@code leadDays} before the period ends, for a
   * published open item with a cadence.
   */
  public boolean raiseReportIfDue(Deadlines deadlines, long leadDays) {
    if (!published || reportEvery == null || stage == Stage.CLOSED) {
      return false;
    }
    LocalDate today = deadlines.today();
    LocalDate periodEnd = reportEvery.periodEnd(today);
    if (today.isBefore(periodEnd.minusDays(leadDays)) || periodEnd.equals(reportedPeriodEnd)) {
      return false;
    }
    reportedPeriodEnd = periodEnd;
    events.add(new ReportDue(facts(), reportEvery.name(), periodEnd));
    return true;
  }

  /** The light now (null when closed). */
  public Light light(Deadlines deadlines) {
    return deadlines.lightOf(dueDate, stage == Stage.CLOSED);
  }

  /** The facts every item event carries. */
  public ItemFacts facts() {
    return new ItemFacts(id, checklistId, content, responsibleUnit, responsiblePerson, dueDate);
  }

  /** The events recorded since the last call, in order; the list is emptied. */
  public List<ChecklistEvent> drainEvents() {
    List<ChecklistEvent> drained = List.copyOf(events());
    events().clear();
    return drained;
  }

  /** The finding with this id. */
  public Finding finding(String findingId) {
    return findings.stream()
        .filter(f -> f.id().equals(findingId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no finding " + findingId));
  }

  private List<ChecklistEvent> events() {
    if (events == null) {
      events = new ArrayList<>(); // a persistence adapter may have skipped the initializer
    }
    return events;
  }

  private static HistoryEntry entry(
      Instant at, String actor, HistoryKind kind, Stage from, Stage to, String note) {
    return new HistoryEntry(at, actor, kind, from, to, null, note, List.of());
  }

  public String id() {
    return id;
  }

  public String checklistId() {
    return checklistId;
  }

  public FocusArea focusArea() {
    return focusArea;
  }

  public String content() {
    return content;
  }

  public String requirements() {
    return requirements;
  }

  public String responsibleUnit() {
    return responsibleUnit;
  }

  public String responsiblePerson() {
    return responsiblePerson;
  }

  public SupervisionMethod method() {
    return method;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public ReportCadence reportEvery() {
    return reportEvery;
  }

  public Stage stage() {
    return stage;
  }

  public boolean published() {
    return published;
  }

  public String assignee() {
    return assignee;
  }

  public Light announcedLight() {
    return announcedLight;
  }

  public LocalDate reportedPeriodEnd() {
    return reportedPeriodEnd;
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  public List<HistoryEntry> history() {
    return List.copyOf(history);
  }
}
