package gov.supervision.checklist.domain;

import static gov.supervision.checklist.domain.Fixtures.DEADLINES;
import static gov.supervision.checklist.domain.Fixtures.NOW;
import static gov.supervision.checklist.domain.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.checklist.ItemDueSoon;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.contracts.checklist.ItemPublished;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LightTest {

  @ParameterizedTest(name = "due in {0} days, closed={1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "-30, false, RED",
        "-1, false, RED",
        "0, false, YELLOW",
        "1, false, YELLOW",
        "7, false, YELLOW",
        "8, false, GREEN",
        "365, false, GREEN",
        "-1, true, null",
        "0, true, null",
        "8, true, null"
      })
  void lightEdges(int dueInDays, boolean closed, Light expected) {
    assertThat(Light.of(TODAY.plusDays(dueInDays), TODAY, 7, closed)).isEqualTo(expected);
  }

  @Test
  void theYellowWindowIsConfigurable() {
    Deadlines threeDays = new Deadlines(Fixtures.CLOCK, 3);
    assertThat(threeDays.lightOf(TODAY.plusDays(3), false)).isEqualTo(Light.YELLOW);
    assertThat(threeDays.lightOf(TODAY.plusDays(4), false)).isEqualTo(Light.GREEN);
  }

  @Test
  void aPastDueItemIsRedAtOnceAndAnnouncedOnPublish() {
    Item item = Item.register("i", "c", Fixtures.draft(TODAY.minusDays(1)), "insp", NOW);
    assertThat(item.light(DEADLINES)).isEqualTo(Light.RED);
    assertThat(item.drainEvents()).isEmpty();
    item.publish("insp", null, DEADLINES);
    assertThat(item.drainEvents())
        .containsExactly(new ItemPublished(item.facts()), new ItemOverdue(item.facts()));
  }

  @Test
  void eachLightChangeIsAnnouncedOnceAndARedThatStaysRaisesNothing() {
    Item item = Fixtures.publishedItem(TODAY.plusDays(9));
    assertThat(item.announcedLight()).isEqualTo(Light.GREEN);

    Deadlines day2 = new Deadlines(Clock.offset(Fixtures.CLOCK, Duration.ofDays(2)), 7);
    assertThat(item.refreshLight(day2)).isTrue();
    assertThat(item.drainEvents()).containsExactly(new ItemDueSoon(item.facts()));
    assertThat(item.refreshLight(day2)).isFalse();
    assertThat(item.drainEvents()).isEmpty();

    Deadlines day10 = new Deadlines(Clock.offset(Fixtures.CLOCK, Duration.ofDays(10)), 7);
    item.refreshLight(day10);
    assertThat(item.drainEvents()).containsExactly(new ItemOverdue(item.facts()));
    Deadlines day40 = new Deadlines(Clock.offset(Fixtures.CLOCK, Duration.ofDays(40)), 7);
    assertThat(item.refreshLight(day40)).isFalse();
    assertThat(item.drainEvents()).isEmpty();
  }

  @Test
  void greenStraightToRedRaisesOnlyOverdue() {
    Item item = Fixtures.publishedItem(TODAY.plusDays(9));
    Deadlines later = new Deadlines(Clock.offset(Fixtures.CLOCK, Duration.ofDays(20)), 7);
    item.refreshLight(later);
    assertThat(item.drainEvents()).containsExactly(new ItemOverdue(item.facts()));
  }

  @Test
  void closedItemsHaveNoLightAndRaiseNothing() {
    Item item = Fixtures.itemAt(Stage.CLOSED);
    Deadlines later = new Deadlines(Clock.offset(Fixtures.CLOCK, Duration.ofDays(100)), 7);
    item.refreshLight(later);
    assertThat(item.light(later)).isNull();
    assertThat(item.drainEvents()).isEmpty();
  }

  @ParameterizedTest(name = "{0} on {1} -> period end {2}")
  @CsvSource({
    "MONTHLY, 2026-03-10, 2026-03-31",
    "MONTHLY, 2026-02-01, 2026-02-28",
    "QUARTERLY, 2026-01-01, 2026-03-31",
    "QUARTERLY, 2026-05-15, 2026-06-30",
    "QUARTERLY, 2026-12-31, 2026-12-31"
  })
  void reportingPeriods(ReportCadence cadence, LocalDate day, LocalDate end) {
    assertThat(cadence.periodEnd(day)).isEqualTo(end);
  }

  @Test
  void reportDueOncePerPeriodFromTheLeadTime() {
    ItemDraft monthly =
        new ItemDraft(
            FocusArea.OTHER,
            "c",
            "r",
            "FGW",
            "cadre-1",
            SupervisionMethod.ROUTINE_CHECK,
            TODAY.plusDays(200),
            ReportCadence.MONTHLY);
    Item item = Item.register("i", "c", monthly, "insp", NOW);
    item.publish("insp", null, DEADLINES);
    item.drainEvents();
    // 2026-03-10: period ends 03-31, lead 7 days -> not yet
    assertThat(item.raiseReportIfDue(DEADLINES, 7)).isFalse();
    Deadlines mar25 = new Deadlines(Clock.offset(Fixtures.CLOCK, Duration.ofDays(15)), 7);
    assertThat(item.raiseReportIfDue(mar25, 7)).isTrue();
    assertThat(item.raiseReportIfDue(mar25, 7)).isFalse();
    Deadlines apr25 = new Deadlines(Clock.offset(Fixtures.CLOCK, Duration.ofDays(46)), 7);
    assertThat(item.raiseReportIfDue(apr25, 7)).isTrue();
    assertThat(item.drainEvents())
        .extracting(e -> ((gov.supervision.contracts.checklist.ReportDue) e).periodEnd())
        .containsExactly(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
  }
}
