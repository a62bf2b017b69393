package gov.supervision.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.contracts.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetParserTest {

  @Test
  void theDefaultRulesSurviveTheRoundTrip() {
    List<RuleDraft> drafts = DefaultRules.all().stream().map(RuleDraft::of).toList();
    assertThat(RuleSetParser.parse(drafts)).isEqualTo(DefaultRules.all());
  }

  @Test
  void theDefaultsAreApiMdsTable() {
    Alert overdue =
        new Alert(
            Trigger.ITEM_OVERDUE,
            "e1",
            "i1",
            "c",
            "FGW",
            null,
            "lead-fgw",
            null,
            null,
            null,
            "/api/items/i1",
            List.of());
    assertThat(rule(Trigger.ITEM_OVERDUE).addressees(overdue))
        .containsExactly(Addressee.person("lead-fgw"), Addressee.role("INSPECTOR"));
    Alert assigned =
        new Alert(
            Trigger.ITEM_ASSIGNED,
            "e2",
            "i1",
            "c",
            "FGW",
            null,
            "lead-fgw",
            "lead-jw",
            null,
            null,
            "/l",
            List.of());
    assertThat(rule(Trigger.ITEM_ASSIGNED).addressees(assigned))
        .containsExactly(Addressee.person("lead-jw"));
    Alert unassigned =
        new Alert(
            Trigger.ITEM_ASSIGNED,
            "e3",
            "i1",
            "c",
            "FGW",
            null,
            "lead-fgw",
            null,
            null,
            null,
            "/l",
            List.of());
    assertThat(rule(Trigger.ITEM_ASSIGNED).addressees(unassigned))
        .containsExactly(Addressee.person("lead-fgw"));
    Alert vetoed =
        new Alert(
            Trigger.CADRE_VETOED,
            "e4",
            null,
            "张三",
            "FGW",
            null,
            null,
            null,
            "c1",
            null,
            "/l",
            List.of());
    assertThat(rule(Trigger.CADRE_VETOED).addressees(vetoed)).containsExactly(Addressee.role("HR"));
    assertThat(rule(Trigger.ITEM_PUBLISHED).channels()).containsExactly(Channel.IN_APP);
  }

  @Test
  void namesTheFirstBadField() {
    List<RuleDraft> drafts =
        new ArrayList<>(DefaultRules.all().stream().map(RuleDraft::of).toList());
    drafts.set(
        3,
        new RuleDraft(
            "ITEM_OVERDUE",
            "ITEM_OVERDUE",
            List.of(),
            List.of(),
            List.of("bad role"),
            List.of(),
            true));
    assertThatThrownBy(() -> RuleSetParser.parse(drafts))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(e.field()).isEqualTo("rules[3].roles[0]"));
    assertThatThrownBy(
            () ->
                RuleSetParser.parse(
                    List.of(
                        new RuleDraft(
                            "NOPE", "ITEM_OVERDUE", null, null, List.of("X1"), null, null))))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(e.field()).isEqualTo("rules[0].event"));
    assertThatThrownBy(
            () ->
                RuleSetParser.parse(
                    List.of(
                        new RuleDraft(
                            "ITEM_OVERDUE", "ITEM_OVERDUE", null, null, null, null, null))))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(e.field()).isEqualTo("rules[0].persons"));
    assertThatThrownBy(
            () ->
                RuleSetParser.parse(
                    List.of(
                        new RuleDraft(
                            "CADRE_VETOED",
                            "CADRE_VETOED",
                            List.of("ASSIGNEE"),
                            null,
                            null,
                            null,
                            null))))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(e.field()).isEqualTo("rules[0].persons[0]"));
  }

  @Test
  void aStoredSetIsConfinedOnLoadNamingWhatIsLeftOut() {
    List<RuleDraft> stored =
        new ArrayList<>(DefaultRules.all().stream().map(RuleDraft::of).toList());
    int vetoed = indexOf(stored, "CADRE_VETOED");
    int lapsed = indexOf(stored, "VETO_LAPSED");
    stored.set(
        vetoed,
        new RuleDraft(
            "CADRE_VETOED",
            "CADRE_VETOED",
            List.of("CADRE"),
            List.of("lead-fgw"),
            List.of("HR", "UNIT_LEAD"),
            List.of("EMAIL", "WEBHOOK"),
            true));
    stored.set(
        lapsed,
        new RuleDraft("VETO_LAPSED", "VETO_LAPSED", null, null, List.of("INSPECTOR"), null, true));
    stored.add(
        new RuleDraft(
            "EVALUATION_RECORDED",
            "EVALUATION_RECORDED",
            null,
            null,
            List.of("ADMIN"),
            null,
            true));

    RuleSetParser.Confined confined = RuleSetParser.confine(stored);
    List<Rule> rules = RuleSetParser.parse(confined.drafts());

    Rule vetoRule = rules.stream().filter(r -> r.event() == Trigger.CADRE_VETOED).findFirst().get();
    assertThat(vetoRule.roles()).containsExactly("HR");
    assertThat(vetoRule.persons()).isEmpty();
    assertThat(vetoRule.users()).isEmpty();
    assertThat(vetoRule.channels()).containsExactlyInAnyOrder(Channel.IN_APP, Channel.EMAIL);
    assertThat(rules.stream().filter(r -> r.event() == Trigger.VETO_LAPSED).findFirst().get())
        .as("left without an addressee: its default rule")
        .isEqualTo(rule(Trigger.VETO_LAPSED));
    assertThat(rules).noneMatch(r -> r.event() == Trigger.EVALUATION_RECORDED);
    assertThat(confined.removed())
        .contains(
            "rules[" + vetoed + "].persons CADRE",
            "rules[" + vetoed + "].users lead-fgw",
            "rules[" + vetoed + "].roles UNIT_LEAD",
            "rules[" + vetoed + "].channels WEBHOOK",
            "rules[" + lapsed + "] replaced by its default rule",
            "rules[" + (stored.size() - 1) + "] dropped (no addressee left)");
    assertThat(
            RuleSetParser.confine(DefaultRules.all().stream().map(RuleDraft::of).toList())
                .removed())
        .as("the defaults comply")
        .isEmpty();
  }

  private static int indexOf(List<RuleDraft> drafts, String event) {
    for (int i = 0; i < drafts.size(); i++) {
      if (drafts.get(i).event().equals(event)) {
        return i;
      }
    }
    throw new AssertionError(event);
  }

  private static Rule rule(Trigger trigger) {
    return DefaultRules.all().stream().filter(r -> r.event() == trigger).findFirst().orElseThrow();
  }
}
