package gov.supervision.checklist.domain;

import static gov.supervision.checklist.domain.Fixtures.NOW;
import static gov.supervision.checklist.domain.Fixtures.TODAY;
import static gov.supervision.checklist.domain.Fixtures.draft;
import static gov.supervision.checklist.domain.Fixtures.publishedItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.contracts.Refusal;
import org.junit.jupiter.api.Test;

class DraftItemTest {

  @Test
  void anUnpublishedItemTakesNewFieldsAndRecordsIt() {
    Item item = Item.register("item-1", "cl-1", draft(TODAY.plusDays(30)), "inspector", NOW);
    ItemDraft changed =
        new ItemDraft(
            FocusArea.CENTRAL_DIRECTIVES,
            "新内容",
            "新要求",
            "JW",
            "cadre-2",
            SupervisionMethod.ROUTINE_CHECK,
            TODAY.plusDays(5),
            ReportCadence.MONTHLY);

    item.redraft(changed, "inspector-2", NOW);

    assertThat(item.content()).isEqualTo("新内容");
    assertThat(item.responsibleUnit()).isEqualTo("JW");
    assertThat(item.responsiblePerson()).isEqualTo("cadre-2");
    assertThat(item.dueDate()).isEqualTo(TODAY.plusDays(5));
    assertThat(item.reportEvery()).isEqualTo(ReportCadence.MONTHLY);
    assertThat(item.stage()).isEqualTo(Stage.LEDGER_REGISTERED);
    HistoryEntry last = item.history().get(item.history().size() - 1);
    assertThat(last.kind()).isEqualTo(HistoryKind.REDRAFTED);
    assertThat(last.actor()).isEqualTo("inspector-2");
    assertThat(item.drainEvents()).as("a draft change is not announced").isEmpty();
  }

  @Test
  void aPublishedItemRefusesDraftChanges() {
    Item item = publishedItem(TODAY.plusDays(30));

    assertThatThrownBy(() -> item.redraft(draft(TODAY), "inspector", NOW))
        .isInstanceOfSatisfying(
            Refusal.class, v -> assertThat(v.code()).isEqualTo("item-published"));
    assertThatThrownBy(item::requireUnpublished).isInstanceOf(Refusal.class);
    assertThat(item.dueDate()).isEqualTo(TODAY.plusDays(30));
  }
}
