package gov.supervision.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.contracts.Refusal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewCaseTest {

  static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");

  static ReviewCase promotion(String... candidates) {
    return ReviewCase.open(
        "case-1", " 组干〔2026〕17号 ", Purpose.PROMOTION, " 处级干部选拔 ", List.of(candidates), "hr", AT);
  }

  @Test
  void anOpenedCaseIsOpenWithItsCandidatesAndTrimmedTexts() {
    ReviewCase c = promotion("c-1", "c-2");
    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(c.caseNo()).isEqualTo("组干〔2026〕17号");
    assertThat(c.title()).isEqualTo("处级干部选拔");
    assertThat(c.candidates()).containsExactly("c-1", "c-2");
  }

  @Test
  void badInputNamesTheField() {
    assertField(() -> promotion("c-1", "c-1"), "candidates[1]");
    assertField(() -> promotion("c-1", "a$ne"), "candidates[1]");
    assertField(
        () -> ReviewCase.open("x", "ab", Purpose.AWARD, "t", List.of(), "hr", AT), "caseNo");
    assertField(
        () -> ReviewCase.open("x", "<b>2026</b>", Purpose.AWARD, "t", List.of(), "hr", AT),
        "caseNo");
    assertField(() -> ReviewCase.open("x", "2026-01", null, "t", List.of(), "hr", AT), "kind");
    assertField(
        () -> ReviewCase.open("x", "2026-01", Purpose.AWARD, " ", List.of(), "hr", AT), "title");
  }

  @Test
  void candidatesJoinOnlyWhileOpenAndOnce() {
    ReviewCase c = promotion("c-1").withCandidate("c-2");
    assertThat(c.candidates()).containsExactly("c-1", "c-2");
    assertConflict(() -> c.withCandidate("c-2"), "candidate-listed");
    ReviewCase closed = c.close("hr", AT);
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.closedBy()).isEqualTo("hr");
    assertConflict(() -> closed.withCandidate("c-3"), "case-closed");
    assertConflict(() -> closed.close("hr", AT), "case-closed");
  }

  @Test
  void aReadIsAllowedOnlyInAnOpenCaseOfTheRightKindListingTheCadre() {
    ReviewCase c = promotion("c-1");
    assertThat(c.refusalOf("c-1", null)).isEmpty();
    assertThat(c.refusalOf("c-1", Purpose.PROMOTION)).isEmpty();
    assertThat(c.refusalOf("c-1", Purpose.AWARD)).contains(ReadRefusal.WRONG_KIND);
    assertThat(c.refusalOf("c-2", null)).contains(ReadRefusal.NOT_A_CANDIDATE);
    assertThat(c.close("hr", AT).refusalOf("c-1", null)).contains(ReadRefusal.CASE_CLOSED);
  }

  static void assertField(Runnable change, String field) {
    assertThatThrownBy(change::run)
        .isInstanceOfSatisfying(
            Refusal.class,
            v -> {
              assertThat(v.kind()).isEqualTo(Refusal.Kind.INVALID);
              assertThat(v.field()).isEqualTo(field);
            });
  }

  static void assertConflict(Runnable change, String code) {
    assertThatThrownBy(change::run)
        .isInstanceOfSatisfying(
            Refusal.class,
            v -> {
              assertThat(v.kind()).isEqualTo(Refusal.Kind.CONFLICT);
              assertThat(v.code()).isEqualTo(code);
            });
  }
}
