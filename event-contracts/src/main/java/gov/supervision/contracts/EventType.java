package gov.supervision.contracts;

import gov.supervision.contracts.accesslog.AccessLogCheckpointed;
import gov.supervision.contracts.checklist.ChecklistPublished;
import gov.supervision.contracts.checklist.FindingRaised;
import gov.supervision.contracts.checklist.FindingRectified;
import gov.supervision.contracts.checklist.FindingVerified;
import gov.supervision.contracts.checklist.ItemAssigned;
import gov.supervision.contracts.checklist.ItemClosed;
import gov.supervision.contracts.checklist.ItemDueSoon;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.contracts.checklist.ItemPublished;
import gov.supervision.contracts.checklist.ItemStageChanged;
import gov.supervision.contracts.checklist.ReportDue;
import gov.supervision.contracts.checklist.UnitEarlyWarningRaised;
import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.contracts.evaluation.EvaluationRecorded;
import gov.supervision.contracts.evaluation.UnusualReadingRaised;
import gov.supervision.contracts.evaluation.VetoLapsed;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the suite: its CloudEvents {@code ce_type}, its record and its topic. The
 * JSON Schema of a type lives at {@code /schemas/<ce_type>.json} on the classpath.
 */
public enum EventType {
  CHECKLIST_PUBLISHED(
      "gov.supervision.checklist.published.v1", ChecklistPublished.class, Topics.CHECKLIST),
  ITEM_PUBLISHED("gov.supervision.item.published.v1", ItemPublished.class, Topics.CHECKLIST),
  ITEM_ASSIGNED("gov.supervision.item.assigned.v1", ItemAssigned.class, Topics.CHECKLIST),
  ITEM_STAGE_CHANGED(
      "gov.supervision.item.stage-changed.v1", ItemStageChanged.class, Topics.CHECKLIST),
  ITEM_DUE_SOON("gov.supervision.item.due-soon.v1", ItemDueSoon.class, Topics.CHECKLIST),
  ITEM_OVERDUE("gov.supervision.item.overdue.v1", ItemOverdue.class, Topics.CHECKLIST),
  ITEM_CLOSED("gov.supervision.item.closed.v1", ItemClosed.class, Topics.CHECKLIST),
  FINDING_RAISED("gov.supervision.finding.raised.v1", FindingRaised.class, Topics.CHECKLIST),
  FINDING_RECTIFIED(
      "gov.supervision.finding.rectified.v1", FindingRectified.class, Topics.CHECKLIST),
  FINDING_VERIFIED("gov.supervision.finding.verified.v1", FindingVerified.class, Topics.CHECKLIST),
  REPORT_DUE("gov.supervision.item.report-due.v1", ReportDue.class, Topics.CHECKLIST),
  UNIT_EARLY_WARNING_RAISED(
      "gov.supervision.unit.early-warning-raised.v1",
      UnitEarlyWarningRaised.class,
      Topics.CHECKLIST),
  EVALUATION_RECORDED(
      "gov.supervision.cadre.evaluation-recorded.v1", EvaluationRecorded.class, Topics.EVALUATION),
  CADRE_VETOED("gov.supervision.cadre.vetoed.v2", CadreVetoed.class, Topics.EVALUATION),
  VETO_LAPSED("gov.supervision.cadre.veto-lapsed.v2", VetoLapsed.class, Topics.EVALUATION),
  UNUSUAL_READING_RAISED(
      "gov.supervision.file-access.unusual-reading.v1",
      UnusualReadingRaised.class,
      Topics.EVALUATION),
  ACCESS_LOG_CHECKPOINTED(
      "gov.supervision.access-log.checkpointed.v1", AccessLogCheckpointed.class, Topics.ACCESS_LOG);

  private final String ceType;
  private final Class<? extends DomainEvent> recordType;
  private final String topic;

  EventType(String ceType, Class<? extends DomainEvent> recordType, String topic) {
    this.ceType = ceType;
    this.recordType = recordType;
    this.topic = topic;
  }

  /** The CloudEvents {@code ce_type}, e.g. {@code gov.supervision.item.overdue.v1}. */
  public String ceType() {
    return ceType;
  }

  /** The record that carries this event's data. */
  public Class<? extends DomainEvent> recordType() {
    return recordType;
  }

  /** The topic this event is published to. */
  public String topic() {
    return topic;
  }

  /** Classpath location of the JSON Schema of this event's data. */
  public String schemaPath() {
    return "/schemas/" + ceType + ".json";
  }

  /** The type of a CloudEvents {@code ce_type}, if the suite knows it. */
  public static Optional<EventType> ofCeType(String ceType) {
    return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
  }

  /** The type of an event record. */
  public static EventType of(DomainEvent event) {
    return Arrays.stream(values())
        .filter(t -> t.recordType.equals(event.getClass()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a contract event: " + event));
  }
}
