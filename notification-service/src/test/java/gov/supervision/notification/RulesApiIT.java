package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.checklist.UnitEarlyWarningRaised;
import gov.supervision.notification.rule.RuleStore;
import gov.supervision.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET/PUT /api/notification-rules}: ADMIN only, validated as a whole, never half-applied.
 */
class RulesApiIT extends NotificationITSupport {

  private static final String RULES = "/api/notification-rules";
  private final String admin = TestTokens.admin();

  @Autowired RuleStore store;

  @Test
  void listsTheDefaultRulesToAdminsOnly() {
    Answer rules = get(admin, RULES);
    assertThat(rules.status()).isEqualTo(200);
    JsonNode overdue = rule(rules.json(), "ITEM_OVERDUE");
    assertThat(overdue.get("type").asString()).isEqualTo("ITEM_OVERDUE");
    assertThat(overdue.get("persons").toString()).isEqualTo("[\"RESPONSIBLE_PERSON\"]");
    assertThat(overdue.get("roles").toString()).isEqualTo("[\"INSPECTOR\"]");
    assertThat(rule(rules.json(), "ITEM_ASSIGNED").get("persons").toString())
        .isEqualTo("[\"ASSIGNEE\"]");
    assertThat(rule(rules.json(), "CADRE_VETOED").get("roles").toString()).isEqualTo("[\"HR\"]");

    assertThat(get(TestTokens.inspector(), RULES).status()).isEqualTo(403);
    assertThat(put(TestTokens.inspector(), RULES, rules.json().toString()).status()).isEqualTo(403);
  }

  @Test
  void aBadRuleIsRefusedNamingTheFieldAndNothingIsApplied() {
    JsonNode before = get(admin, RULES).json();

    ObjectNode badRole = (ObjectNode) before.deepCopy();
    ((ObjectNode) badRole.get("rules").get(1)).putArray("roles").add("inspector team");
    ((ObjectNode) badRole.get("rules").get(0)).putArray("users").add("someone");
    Answer refused = put(admin, RULES, badRole.toString());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString())
        .isEqualTo("rules[1].roles[0]");
    assertThat(refused.json().get("type").asString())
        .isEqualTo("urn:supervision:problem:invalid-input");
    assertThat(refused.json().get("title").asString()).isEqualTo("输入无效 Invalid input");
    assertThat(refused.json().get("detail").asString())
        .isEqualTo(
            "rules[1].roles[0]: " + refused.json().get("errors").get(0).get("message").asString());

    ObjectNode duplicate = (ObjectNode) before.deepCopy();
    ((ArrayNode) duplicate.get("rules")).add(before.get("rules").get(0).deepCopy());
    Answer twice = put(admin, RULES, duplicate.toString());
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.json().get("errors").get(0).get("field").asString())
        .isEqualTo("rules[" + before.get("rules").size() + "].event");

    ObjectNode wrongPerson = (ObjectNode) before.deepCopy();
    ObjectNode vetoed = (ObjectNode) rule(wrongPerson, "CADRE_VETOED");
    vetoed.putArray("persons").add("RESPONSIBLE_PERSON");
    assertThat(put(admin, RULES, wrongPerson.toString()).status()).isEqualTo(400);

    ObjectNode badChannel = (ObjectNode) before.deepCopy();
    ((ObjectNode) badChannel.get("rules").get(2)).putArray("channels").add("SMS");
    assertThat(
            put(admin, RULES, badChannel.toString())
                .json()
                .get("errors")
                .get(0)
                .get("field")
                .asString())
        .isEqualTo("rules[2].channels[0]");

    assertThat(put(admin, RULES, "{\"rules\":[],\"extra\":1}").status()).isEqualTo(400);
    assertThat(put(admin, RULES, "{\"rules\":[]}").status()).isEqualTo(400);
    Answer noRules = put(admin, RULES, "{}");
    assertThat(noRules.status()).isEqualTo(400);
    assertThat(noRules.json().get("detail").asString()).isEqualTo("rules: 必填 required");
    assertThat(put(admin, RULES, "{\"rules\":[null]}").status()).isEqualTo(400);
    assertThat(put(admin, RULES, "{\"rules\":[{\"type\":\"ITEM_OVERDUE\"}]}").status())
        .isEqualTo(400);
    assertThat(put(admin, RULES, "[]").status()).isEqualTo(400);
    assertThat(put(admin, RULES, "{\"rules\":{\"$where\":1}}").status()).isEqualTo(400);
    assertThat(get(admin, RULES).json()).isEqualTo(before);
  }

  /** What a PUT answers is what the store reads back: its refresh changes nothing of it. */
  @Test
  void aSavedSetReadsBackTheSameAfterARefresh() {
    Answer saved = put(admin, RULES, get(admin, RULES).json().toString());
    assertThat(saved.status()).isEqualTo(200);
    assertThat(get(admin, RULES).json()).isEqualTo(saved.json());
    store.reload();
    assertThat(get(admin, RULES).json()).isEqualTo(saved.json());
  }

  @Test
  void aValidRuleSetIsAppliedAtOnce() {
    JsonNode before = get(admin, RULES).json();
    try {
      ObjectNode changed = (ObjectNode) before.deepCopy();
      ((ObjectNode) rule(changed, "UNIT_EARLY_WARNING_RAISED")).putArray("users").add("auditor");
      Answer saved = put(admin, RULES, changed.toString());
      assertThat(saved.status()).isEqualTo(200);
      assertThat(saved.json().get("revision").asLong())
          .isEqualTo(before.get("revision").asLong() + 1);

      String unit = "R" + UUID.randomUUID().toString().replaceAll("[^A-Fa-f]", "").toUpperCase();
      unit = unit.substring(0, Math.min(8, unit.length()));
      publish(new UnitEarlyWarningRaised(unit, "WARNING", "WATCH", 3, 1, 0));
      String link = "/api/units/" + unit + "/early-warning";
      awaitInbox(TestTokens.auditor(), link, 1);
      awaitInbox(TestTokens.inspector(), link, 1);
      assertThat(typesFor(TestTokens.evaluator(), link)).isEmpty();
    } finally {
      assertThat(put(admin, RULES, before.toString()).status()).isEqualTo(200);
    }
  }

  /**
   * Before: an ADMIN could send every cadre's evaluations, vetoes and the auditors' alerts to unit
   * leads, listed users, the cadre or a webhook. Now each such rule is refused naming its index and
   * field, and nothing is applied.
   */
  @Test
  void personnelDataEventsMayAlertOnlyHrAndAuditAlertsOnlyAuditors() {
    JsonNode before = get(admin, RULES).json();
    int rules = before.get("rules").size();

    ObjectNode toUnitLeads = (ObjectNode) before.deepCopy();
    ((ArrayNode) toUnitLeads.get("rules"))
        .addObject()
        .put("event", "EVALUATION_RECORDED")
        .put("type", "EVALUATION_RECORDED")
        .set("roles", json.createArrayNode().add("HR").add("UNIT_LEAD"));
    assertRefused(toUnitLeads, "rules[" + rules + "].roles[1]");

    ObjectNode toAUser = (ObjectNode) before.deepCopy();
    ((ObjectNode) rule(toAUser, "CADRE_VETOED")).putArray("users").add("lead-fgw");
    assertRefused(toAUser, "rules[" + index(before, "CADRE_VETOED") + "].users[0]");

    ObjectNode toTheCadre = (ObjectNode) before.deepCopy();
    ((ObjectNode) rule(toTheCadre, "VETO_LAPSED")).putArray("persons").add("CADRE");
    assertRefused(toTheCadre, "rules[" + index(before, "VETO_LAPSED") + "].persons[0]");

    ObjectNode toAWebhook = (ObjectNode) before.deepCopy();
    ((ObjectNode) rule(toAWebhook, "CADRE_VETOED"))
        .putArray("channels")
        .add("IN_APP")
        .add("WEBHOOK");
    assertRefused(toAWebhook, "rules[" + index(before, "CADRE_VETOED") + "].channels[1]");

    ObjectNode auditAlertToHr = (ObjectNode) before.deepCopy();
    ((ObjectNode) rule(auditAlertToHr, "UNUSUAL_READING_RAISED"))
        .putArray("roles")
        .add("AUDITOR")
        .add("HR");
    assertRefused(
        auditAlertToHr, "rules[" + index(before, "UNUSUAL_READING_RAISED") + "].roles[1]");

    ObjectNode disabledButWrong = (ObjectNode) before.deepCopy();
    ((ObjectNode) rule(disabledButWrong, "CADRE_VETOED"))
        .put("enabled", false)
        .putArray("roles")
        .add("ADMIN");
    assertRefused(disabledButWrong, "rules[" + index(before, "CADRE_VETOED") + "].roles[0]");

    assertThat(get(admin, RULES).json()).isEqualTo(before);
  }

  @Test
  void everyChangeOfTheRuleSetIsKeptWithWhoMadeIt() {
    JsonNode before = get(admin, RULES).json();
    String first = "admin-" + UUID.randomUUID().toString().substring(0, 6);
    String second = "admin-" + UUID.randomUUID().toString().substring(0, 6);
    try {
      ObjectNode changed = (ObjectNode) before.deepCopy();
      ((ObjectNode) rule(changed, "ITEM_CLOSED")).put("enabled", true);
      JsonNode one = put(TestTokens.token(first, null, "ADMIN"), RULES, changed.toString()).json();
      ((ObjectNode) rule(one, "ITEM_CLOSED")).put("enabled", false);
      JsonNode two = put(TestTokens.token(second, null, "ADMIN"), RULES, one.toString()).json();

      JsonNode history = get(admin, RULES).json().get("history");
      assertThat(history.size()).isGreaterThanOrEqualTo(2);
      JsonNode last = history.get(history.size() - 1);
      JsonNode previous = history.get(history.size() - 2);
      assertThat(last.get("updatedBy").asString()).isEqualTo(second);
      assertThat(last.get("revision").asLong()).isEqualTo(two.get("revision").asLong());
      assertThat(previous.get("updatedBy").asString()).isEqualTo(first);
      assertThat(previous.get("revision").asLong()).isEqualTo(one.get("revision").asLong());
      assertThat(last.get("updatedAt").asString()).isNotBlank();
      assertThat(last.has("rules")).as("the rules are in /history only").isFalse();

      Answer changes = get(admin, RULES + "/history?size=2");
      assertThat(changes.status()).isEqualTo(200);
      assertThat(changes.json().get("totalElements").asLong()).isEqualTo(history.size());
      JsonNode newest = changes.json().get("content").get(0);
      JsonNode older = changes.json().get("content").get(1);
      assertThat(newest.get("updatedBy").asString()).isEqualTo(second);
      assertThat(rule(wrap(newest.get("before")), "ITEM_CLOSED").get("enabled").asBoolean())
          .isTrue();
      assertThat(rule(wrap(newest.get("after")), "ITEM_CLOSED").get("enabled").asBoolean())
          .isFalse();
      assertThat(older.get("updatedBy").asString()).isEqualTo(first);
      assertThat(older.get("after")).isEqualTo(newest.get("before"));
      assertThat(older.get("before")).isEqualTo(before.get("rules"));
      JsonNode oldest = get(admin, RULES + "/history?size=100").json().get("content");
      assertThat(oldest.get(oldest.size() - 1).get("before").isNull()).isTrue();
      assertThat(get(admin, RULES + "/history?size=0").status()).isEqualTo(400);
      assertThat(get(TestTokens.inspector(), RULES + "/history").status()).isEqualTo(403);
    } finally {
      JsonNode now = get(admin, RULES).json();
      ObjectNode restore = (ObjectNode) before.deepCopy();
      restore.put("revision", now.get("revision").asLong());
      assertThat(put(admin, RULES, restore.toString()).status()).isEqualTo(200);
    }
  }

  private ObjectNode wrap(JsonNode rules) {
    ObjectNode set = json.createObjectNode();
    set.set("rules", rules);
    return set;
  }

  private void assertRefused(JsonNode ruleSet, String field) {
    Answer refused = put(admin, RULES, ruleSet.toString());
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    assertThat(refused.json().get("errors").get(0).get("message").asString()).isNotBlank();
  }

  private static int index(JsonNode set, String event) {
    for (int i = 0; i < set.get("rules").size(); i++) {
      if (set.get("rules").get(i).get("event").asString().equals(event)) {
        return i;
      }
    }
    throw new AssertionError("no rule for " + event);
  }

  private static JsonNode rule(JsonNode set, String event) {
    for (JsonNode rule : set.get("rules")) {
      if (rule.get("event").asString().equals(event)) {
        return rule;
      }
    }
    throw new AssertionError("no rule for " + event);
  }
}
