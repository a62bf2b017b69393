package gov.supervision.contracts;

import gov.supervision.contracts.accesslog.AccessLogCheckpointed;
import gov.supervision.contracts.checklist.ChecklistPublished;
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
import gov.supervision.contracts.checklist.UnitEarlyWarningRaised;
import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.contracts.evaluation.EvaluationRecorded;
import gov.supervision.contracts.evaluation.UnusualReadingRaised;
import gov.supervision.contracts.evaluation.VetoLapsed;
import gov.supervision.contracts.evaluation.VetoReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Test data: one sample event per {@link EventType}, fully filled or with its nullables null. */
final class ContractSamples {

  private ContractSamples() {}

  /** A builder of {@link ItemFacts} with sensible defaults. */
  static final class Item {
    private String itemId = "item-0001";
    private String checklistId = "checklist-2026";
    private String content = "学习贯彻党的二十大和二十届四中全会精神";
    private String responsibleUnit = "FGW";
    private String responsiblePerson = "lead-fgw";
    private LocalDate dueDate = LocalDate.of(2026, 3, 1);

    static Item item() {
      return new Item();
    }

    Item id(String value) {
      this.itemId = value;
      return this;
    }

    Item unit(String value) {
      this.responsibleUnit = value;
      return this;
    }

    Item due(LocalDate value) {
      this.dueDate = value;
      return this;
    }

    ItemFacts build() {
      return new ItemFacts(
          itemId, checklistId, content, responsibleUnit, responsiblePerson, dueDate);
    }
  }

  /** A sample of the type with every field set, nullable ones included. */
  static DomainEvent full(EventType type) {
    return sample(type, true);
  }

  /** A sample of the type whose nullable fields are null. */
  static DomainEvent withNulls(EventType type) {
    return sample(type, false);
  }

  private static DomainEvent sample(EventType type, boolean full) {
    ItemFacts item = Item.item().build();
    String note = full ? "已召开专题会议研究" : null;
    String cadre = full ? "cadre-007" : null;
    return switch (type) {
      case CHECKLIST_PUBLISHED ->
          new ChecklistPublished(
              "checklist-2026",
              2026,
              "CITY",
              "2026年度政治监督重点事项清单",
              full ? List.of("item-0001", "item-0002") : List.of(),
              "inspector",
              Instant.parse("2026-01-15T02:30:00Z"));
      case ITEM_PUBLISHED -> new ItemPublished(item);
      case ITEM_ASSIGNED -> new ItemAssigned(item, full ? "lead-fgw" : null, "inspector", note);
      case ITEM_STAGE_CHANGED ->
          new ItemStageChanged(item, "ASSIGNED", "MEETING_REVIEWED", "inspector", note);
      case ITEM_DUE_SOON -> new ItemDueSoon(item);
      case ITEM_OVERDUE -> new ItemOverdue(Item.item().due(LocalDate.of(2025, 12, 31)).build());
      case ITEM_CLOSED -> new ItemClosed(item, "inspector", note);
      case FINDING_RAISED ->
          new FindingRaised(
              "finding-01", item, "会议记录缺失", "MAJOR", cadre, LocalDate.of(2026, 4, 30), "inspector");
      case FINDING_RECTIFIED ->
          new FindingRectified("finding-01", item, cadre, "已补齐会议记录", "lead-fgw");
      case FINDING_VERIFIED ->
          full
              ? new FindingVerified(
                  "finding-01", item, cadre, false, "RECTIFYING", "整改材料不完整", "inspector")
              : new FindingVerified("finding-01", item, null, true, "VERIFIED", null, "inspector");
      case REPORT_DUE -> new ReportDue(item, "QUARTERLY", LocalDate.of(2026, 3, 31));
      case UNIT_EARLY_WARNING_RAISED -> new UnitEarlyWarningRaised("JW", "WATCH", "NONE", 3, 1, 0);
      case EVALUATION_RECORDED ->
          new EvaluationRecorded(
              "record-42",
              "cadre-007",
              "RSJ",
              LocalDate.of(2026, 2, 10),
              "ANNUAL_ASSESSMENT",
              "UNQUALIFIED",
              "evaluator",
              full ? "record-41" : null);
      case CADRE_VETOED ->
          new CadreVetoed(
              "cadre-007",
              "张三",
              "RSJ",
              full ? List.of("PROMOTION", "AWARD") : List.of("PROMOTION"),
              List.of(
                  new VetoReason(
                      "record-42", LocalDate.of(2026, 2, 10), "evaluator", "UNQUALIFIED")));
      case VETO_LAPSED -> new VetoLapsed("cadre-007", "张三", "RSJ", List.of("AWARD"));
      case UNUSUAL_READING_RAISED ->
          new UnusualReadingRaised(
              "hr",
              "READ_VOLUME",
              31,
              30,
              Instant.parse("2026-03-02T01:00:00Z"),
              Instant.parse("2026-03-02T02:00:00Z"));
      case ACCESS_LOG_CHECKPOINTED ->
          new AccessLogCheckpointed(
              1200,
              "9f".repeat(32),
              Instant.parse("2026-03-02T01:00:00Z"),
              "k-1a2b3c4d",
              "0c".repeat(32));
    };
  }
}
