package gov.supervision.checklist.domain;

import static gov.supervision.checklist.domain.Fixtures.DEADLINES;
import static gov.supervision.checklist.domain.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.contracts.Refusal;
import gov.supervision.contracts.checklist.FindingRaised;
import gov.supervision.contracts.checklist.FindingRectified;
import gov.supervision.contracts.checklist.FindingVerified;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FindingLifecycleTest {

  enum Command {
    RECTIFY,
    ACCEPT,
    REJECT_WITH_NOTE,
    REJECT_WITHOUT_NOTE
  }

  /** A finding brought into {@code status}. */
  static Item withFindingIn(FindingStatus status) {
    Item item = Fixtures.itemAt(Stage.INSPECTING);
    item.raiseFinding(
        "f1", "学习不到位", Severity.MAJOR, "cadre-9", TODAY.plusDays(10), "insp", DEADLINES);
    if (status != FindingStatus.OPEN) {
      item.rectify("f1", "已整改", List.of(), "lead-fgw", DEADLINES);
    }
    if (status == FindingStatus.RECTIFYING) {
      item.verify("f1", false, "整改不彻底", "insp", DEADLINES);
    } else if (status == FindingStatus.VERIFIED) {
      item.verify("f1", true, "通过", "insp", DEADLINES);
    }
    item.drainEvents();
    return item;
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(FindingStatus.OPEN, Command.RECTIFY, FindingStatus.RECTIFIED),
        Arguments.of(FindingStatus.OPEN, Command.ACCEPT, null),
        Arguments.of(FindingStatus.OPEN, Command.REJECT_WITH_NOTE, null),
        Arguments.of(FindingStatus.RECTIFYING, Command.RECTIFY, FindingStatus.RECTIFIED),
        Arguments.of(FindingStatus.RECTIFYING, Command.ACCEPT, null),
        Arguments.of(FindingStatus.RECTIFYING, Command.REJECT_WITH_NOTE, null),
        Arguments.of(FindingStatus.RECTIFIED, Command.RECTIFY, null),
        Arguments.of(FindingStatus.RECTIFIED, Command.ACCEPT, FindingStatus.VERIFIED),
        Arguments.of(FindingStatus.RECTIFIED, Command.REJECT_WITH_NOTE, FindingStatus.RECTIFYING),
        Arguments.of(FindingStatus.RECTIFIED, Command.REJECT_WITHOUT_NOTE, null),
        Arguments.of(FindingStatus.VERIFIED, Command.RECTIFY, null),
        Arguments.of(FindingStatus.VERIFIED, Command.ACCEPT, null),
        Arguments.of(FindingStatus.VERIFIED, Command.REJECT_WITH_NOTE, null));
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("table")
  void findingStates(FindingStatus from, Command command, FindingStatus to) {
    Item item = withFindingIn(from);
    Runnable run =
        () -> {
          switch (command) {
            case RECTIFY -> item.rectify("f1", "再次整改", List.of(), "lead-fgw", DEADLINES);
            case ACCEPT -> item.verify("f1", true, null, "insp", DEADLINES);
            case REJECT_WITH_NOTE -> item.verify("f1", false, "不合格", "insp", DEADLINES);
            case REJECT_WITHOUT_NOTE -> item.verify("f1", false, " ", "insp", DEADLINES);
          }
        };
    if (to == null) {
      assertThatThrownBy(run::run).isInstanceOf(Refusal.class);
      assertThat(item.finding("f1").status()).isEqualTo(from);
      assertThat(item.drainEvents()).isEmpty();
    } else {
      run.run();
      assertThat(item.finding("f1").status()).isEqualTo(to);
      assertThat(item.drainEvents()).hasSize(1);
      assertThat(item.history().get(item.history().size() - 1).findingId()).isEqualTo("f1");
    }
  }

  @Test
  void raisingRecordsTheEventWithTheCadre() {
    Item item = Fixtures.itemAt(Stage.INSPECTING);
    item.raiseFinding("f1", "问题", Severity.SEVERE, "cadre-9", TODAY.plusDays(3), "insp", DEADLINES);
    assertThat(item.drainEvents())
        .containsExactly(
            new FindingRaised(
                "f1", item.facts(), "问题", "SEVERE", "cadre-9", TODAY.plusDays(3), "insp"));
    assertThat(item.finding("f1").status()).isEqualTo(FindingStatus.OPEN);
    assertThat(item.history().get(item.history().size() - 1).kind())
        .isEqualTo(HistoryKind.FINDING_RAISED);
  }

  @Test
  void rectifyAndVerifyRecordTheirEvents() {
    Item item = withFindingIn(FindingStatus.OPEN);
    item.rectify("f1", "已整改", List.of(), "lead-fgw", DEADLINES);
    assertThat(item.drainEvents())
        .containsExactly(new FindingRectified("f1", item.facts(), "cadre-9", "已整改", "lead-fgw"));
    item.verify("f1", false, "不彻底", "insp", DEADLINES);
    assertThat(item.drainEvents())
        .containsExactly(
            new FindingVerified("f1", item.facts(), "cadre-9", false, "RECTIFYING", "不彻底", "insp"));
  }

  @Test
  void noFindingOnAClosedOrUnpublishedItem() {
    Item closed = Fixtures.itemAt(Stage.CLOSED);
    assertThatThrownBy(
            () -> closed.raiseFinding("f", "x", Severity.MINOR, null, TODAY, "insp", DEADLINES))
        .isInstanceOf(Refusal.class);
    Item draft = Item.register("i", "c", Fixtures.draft(TODAY), "insp", Fixtures.NOW);
    assertThatThrownBy(
            () -> draft.raiseFinding("f", "x", Severity.MINOR, null, TODAY, "insp", DEADLINES))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void aRectificationKeepsItsEvidenceOnTheFindingAndInTheHistory() {
    Item item = withFindingIn(FindingStatus.OPEN);
    Evidence file = new Evidence("整改报告.pdf", "/api/attachments/a1", "a1", "application/pdf", 1234L);
    item.rectify("f1", "已整改", List.of(file), "lead-fgw", DEADLINES);

    assertThat(item.finding("f1").evidence()).containsExactly(file);
    HistoryEntry last = item.history().get(item.history().size() - 1);
    assertThat(last.kind()).isEqualTo(HistoryKind.FINDING_RECTIFIED);
    assertThat(last.findingId()).isEqualTo("f1");
    assertThat(last.evidence()).containsExactly(file);

    // sent back and rectified again: the finding shows the new report's evidence only
    item.verify("f1", false, "不彻底", "insp", DEADLINES);
    item.rectify("f1", "再次整改", List.of(), "lead-fgw", DEADLINES);
    assertThat(item.finding("f1").evidence()).isEmpty();
  }
}
