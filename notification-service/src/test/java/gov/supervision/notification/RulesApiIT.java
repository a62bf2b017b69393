package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.testsupport.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET/PUT /api/notification-rules}: ADMIN only, validated as a whole, never half-applied.
 */
class RulesApiIT extends NotificationITSupport {

  private static final String RULES = "/api/notification-rules";
  private final String admin = TestTokens.admin();

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
    assertThat(put(admin, RULES, "{\"rules\":[null]}").status()).isEqualTo(400);
    assertThat(put(admin, RULES, "{\"rules\":[{\"type\":\"ITEM_OVERDUE\"}]}").status())
        .isEqualTo(400);
    assertThat(put(admin, RULES, "[]").status()).isEqualTo(400);
    assertThat(put(admin, RULES, "{\"rules\":{\"$where\":1}}").status()).isEqualTo(400);
    assertThat(get(admin, RULES).json()).isEqualTo(before);
  }

  @Test
  void aValidRuleSetIsAppliedAtOnce() {
    JsonNode before = get(admin, RULES).json();
    try {
      ObjectNode changed = (ObjectNode) before.deepCopy();
      ((ObjectNode) rule(changed, "CADRE_VETOED")).putArray("users").add("auditor");
      Answer saved = put(admin, RULES, changed.toString());
      assertThat(saved.status()).isEqualTo(200);
      assertThat(saved.json().get("revision").asLong())
          .isEqualTo(before.get("revision").asLong() + 1);

      String cadre = "cadre-" + UUID.randomUUID();
      publish(new CadreVetoed(cadre, "李四", "JW", List.of("AWARD"), List.of()));
      String link = "/api/cadres/" + cadre;
      awaitInbox(TestTokens.auditor(), link, 1);
      awaitInbox(TestTokens.hr(), link, 1);
      assertThat(typesFor(TestTokens.evaluator(), link)).isEmpty();
    } finally {
      assertThat(put(admin, RULES, before.toString()).status()).isEqualTo(200);
    }
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
