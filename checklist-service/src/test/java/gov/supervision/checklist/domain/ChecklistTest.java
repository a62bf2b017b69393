package gov.supervision.checklist.domain;

import static gov.supervision.checklist.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.contracts.Refusal;
import gov.supervision.contracts.checklist.ChecklistPublished;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecklistTest {

  static Checklist in(ChecklistStatus status) {
    Checklist checklist = Checklist.draft("cl", 2026, "CITY", "2026 清单", "insp", NOW);
    if (status != ChecklistStatus.DRAFT) {
      checklist.publish(List.of(), "insp", NOW);
    }
    if (status == ChecklistStatus.ARCHIVED) {
      checklist.archive("insp", NOW);
    }
    checklist.drainEvents();
    return checklist;
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "DRAFT, PUBLISH, PUBLISHED",
        "DRAFT, ARCHIVE, null",
        "PUBLISHED, PUBLISH, null",
        "PUBLISHED, ARCHIVE, ARCHIVED",
        "ARCHIVED, PUBLISH, null",
        "ARCHIVED, ARCHIVE, null"
      })
  void lifecycle(ChecklistStatus from, String command, ChecklistStatus to) {
    Checklist checklist = in(from);
    Runnable run =
        "PUBLISH".equals(command)
            ? () -> checklist.publish(List.of("i1"), "insp", NOW)
            : () -> checklist.archive("insp", NOW);
    if (to == null) {
      assertThatThrownBy(run::run).isInstanceOf(Refusal.class);
      assertThat(checklist.status()).isEqualTo(from);
    } else {
      run.run();
      assertThat(checklist.status()).isEqualTo(to);
    }
  }

  @Test
  void publishingRecordsTheEventAndTheMarker() {
    Checklist checklist = in(ChecklistStatus.DRAFT);
    checklist.publish(List.of("i1", "i2"), "insp", NOW);
    assertThat(checklist.publishing()).isTrue();
    assertThat(checklist.drainEvents())
        .containsExactly(
            new ChecklistPublished(
                "cl", 2026, "CITY", "2026 清单", List.of("i1", "i2"), "insp", NOW));
    checklist.publishingCompleted();
    assertThat(checklist.publishing()).isFalse();
  }

  @Test
  void itemsJoinADraftFreelyAPublishedListOnlyWithAReasonAndAnArchivedOneNever() {
    assertThat(in(ChecklistStatus.DRAFT).acceptItem(null, "add", "insp", NOW)).isFalse();

    Checklist published = in(ChecklistStatus.PUBLISHED);
    assertThatThrownBy(() -> published.acceptItem(" ", "add", "insp", NOW))
        .isInstanceOf(Refusal.class)
        .matches(e -> "revisionReason".equals(((Refusal) e).field()));
    assertThat(published.acceptItem("新增部署", "ITEM_ADDED i9", "insp", NOW)).isTrue();
    assertThat(published.revisions())
        .containsExactly(new Revision(NOW, "insp", "新增部署", "ITEM_ADDED i9"));

    Checklist archived = in(ChecklistStatus.ARCHIVED);
    assertThatThrownBy(() -> archived.acceptItem("r", "add", "insp", NOW))
        .isInstanceOf(Refusal.class)
        .matches(e -> ((Refusal) e).kind() == Refusal.Kind.CONFLICT);
  }
}
