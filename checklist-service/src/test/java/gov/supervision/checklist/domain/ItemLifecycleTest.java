package gov.supervision.checklist.domain;

import static gov.supervision.checklist.domain.Fixtures.DEADLINES;
import static gov.supervision.checklist.domain.Fixtures.TODAY;
import static gov.supervision.checklist.domain.Fixtures.itemAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.contracts.Refusal;
import gov.supervision.contracts.checklist.ItemAssigned;
import gov.supervision.contracts.checklist.ItemClosed;
import gov.supervision.contracts.checklist.ItemStageChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ItemLifecycleTest {

  enum Outcome {
    OK,
    SKIP_REFUSED,
    NOTE_REQUIRED,
    CLOSED_REFUSED
  }

  /** Every (from, to) pair of the stage machine, with and without a note. */
  static Stream<Arguments> everyPair() {
    List<Arguments> cases = new ArrayList<>();
    for (Stage from : Stage.values()) {
      for (Stage to : Stage.values()) {
        for (boolean withNote : new boolean[] {true, false}) {
          cases.add(Arguments.of(from, to, withNote, expected(from, to, withNote)));
        }
      }
    }
    return cases.stream();
  }

  static Outcome expected(Stage from, Stage to, boolean withNote) {
    if (from == Stage.CLOSED) {
      return Outcome.CLOSED_REFUSED;
    }
    if (to.ordinal() == from.ordinal() + 1) {
      return Outcome.OK;
    }
    if (to.ordinal() < from.ordinal()) {
      return withNote ? Outcome.OK : Outcome.NOTE_REQUIRED;
    }
    return Outcome.SKIP_REFUSED;
  }

  @ParameterizedTest(name = "{0} -> {1} (note: {2}) = {3}")
  @MethodSource("everyPair")
  void stageMachine(Stage from, Stage to, boolean withNote, Outcome outcome) {
    Item item = itemAt(from);
    String note = withNote ? "复核未通过" : null;
    switch (outcome) {
      case OK -> {
        item.advanceTo(to, "inspector", note, null, null, DEADLINES);
        assertThat(item.stage()).isEqualTo(to);
        HistoryEntry last = item.history().get(item.history().size() - 1);
        assertThat(last.kind()).isEqualTo(HistoryKind.STAGE_CHANGED);
        assertThat(last.from()).isEqualTo(from);
        assertThat(last.to()).isEqualTo(to);
        assertThat(last.actor()).isEqualTo("inspector");
        assertThat(last.at()).isEqualTo(Fixtures.NOW);
        assertThat(item.drainEvents().get(0))
            .isEqualTo(
                new ItemStageChanged(item.facts(), from.name(), to.name(), "inspector", note));
      }
      case SKIP_REFUSED, CLOSED_REFUSED -> {
        assertThatThrownBy(() -> item.advanceTo(to, "inspector", note, null, null, DEADLINES))
            .isInstanceOf(Refusal.class)
            .matches(e -> ((Refusal) e).kind() == Refusal.Kind.CONFLICT);
        assertThat(item.stage()).isEqualTo(from);
        assertThat(item.drainEvents()).isEmpty();
      }
      case NOTE_REQUIRED -> {
        assertThatThrownBy(() -> item.advanceTo(to, "inspector", note, null, null, DEADLINES))
            .isInstanceOf(Refusal.class)
            .matches(e -> "note".equals(((Refusal) e).field()));
        assertThat(item.stage()).isEqualTo(from);
      }
    }
  }

  @Test
  void anUnpublishedItemDoesNotMove() {
    Item item = Item.register("i", "c", Fixtures.draft(TODAY), "inspector", Fixtures.NOW);
    assertThatThrownBy(() -> item.advanceTo(Stage.ASSIGNED, "x", null, null, null, DEADLINES))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void assignmentNamesTheAssigneeElseTheResponsiblePerson() {
    Item item = itemAt(Stage.LEDGER_REGISTERED);
    item.advanceTo(Stage.ASSIGNED, "inspector", "盯办", "lead-fgw", null, DEADLINES);
    assertThat(item.drainEvents())
        .contains(new ItemAssigned(item.facts(), "lead-fgw", "inspector", "盯办"));

    Item other = itemAt(Stage.LEDGER_REGISTERED);
    other.advanceTo(Stage.ASSIGNED, "inspector", null, null, null, DEADLINES);
    assertThat(other.drainEvents())
        .contains(new ItemAssigned(other.facts(), "cadre-1", "inspector", null));
  }

  @Test
  void closingIsRefusedWhileAFindingIsNotVerifiedAndRaisesItemClosedAfter() {
    Item item = itemAt(Stage.REPORTED);
    item.raiseFinding("f1", "问题", Severity.MAJOR, null, TODAY.plusDays(5), "insp", DEADLINES);
    assertThatThrownBy(() -> item.advanceTo(Stage.CLOSED, "insp", null, null, null, DEADLINES))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("open finding");
    item.rectify("f1", "已整改", List.of(), "lead-fgw", DEADLINES);
    assertThatThrownBy(() -> item.advanceTo(Stage.CLOSED, "insp", null, null, null, DEADLINES))
        .isInstanceOf(Refusal.class);
    item.verify("f1", true, "通过", "insp", DEADLINES);
    item.drainEvents();
    item.advanceTo(Stage.CLOSED, "insp", "办结", null, null, DEADLINES);
    assertThat(item.stage()).isEqualTo(Stage.CLOSED);
    assertThat(item.light(DEADLINES)).isNull();
    assertThat(item.drainEvents()).contains(new ItemClosed(item.facts(), "insp", "办结"));
  }

  @Test
  void progressNotesJoinTheHistoryAndNeedText() {
    Item item = itemAt(Stage.ASSIGNED);
    item.addProgress("lead-fgw", "已召开专题会", List.of(Evidence.link("纪要.pdf", "dms:1")), DEADLINES);
    HistoryEntry last = item.history().get(item.history().size() - 1);
    assertThat(last.kind()).isEqualTo(HistoryKind.PROGRESS);
    assertThat(last.actor()).isEqualTo("lead-fgw");
    assertThat(last.evidence()).hasSize(1);
    assertThatThrownBy(() -> item.addProgress("lead-fgw", " ", null, DEADLINES))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void publishingTwiceIsANoOp() {
    Item item = Fixtures.publishedItem(TODAY.plusDays(30));
    assertThat(item.publish("inspector", null, DEADLINES)).isFalse();
    assertThat(item.drainEvents()).isEmpty();
  }
}
