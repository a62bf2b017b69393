package gov.supervision.checklist.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Test data for the domain tests: a fixed clock and small builders. */
final class Fixtures {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
  static final Deadlines DEADLINES = new Deadlines(CLOCK, 7);
  static final Instant NOW = CLOCK.instant();

  private Fixtures() {}

  static ItemDraft draft(LocalDate dueDate) {
    return new ItemDraft(
        FocusArea.CENTRAL_DIRECTIVES,
        "落实重大决策部署",
        "按月报告",
        "FGW",
        "cadre-1",
        SupervisionMethod.SPECIAL_INSPECTION,
        dueDate,
        null);
  }

  static Item publishedItem(LocalDate dueDate) {
    Item item = Item.register("item-1", "cl-1", draft(dueDate), "inspector", NOW);
    item.publish("inspector", null, DEADLINES);
    item.drainEvents();
    return item;
  }

  /** A published item moved forward step by step to {@code stage}. */
  static Item itemAt(Stage stage) {
    Item item = publishedItem(TODAY.plusDays(30));
    for (Stage s : Stage.values()) {
      if (s.ordinal() > 0 && s.ordinal() <= stage.ordinal()) {
        item.advanceTo(s, "inspector", "step", null, null, DEADLINES);
      }
    }
    item.drainEvents();
    return item;
  }
}
