package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.contracts.evaluation.EvaluationRecorded;
import gov.supervision.contracts.evaluation.VetoReason;
import gov.supervision.notification.rule.RuleStore;
import gov.supervision.testsupport.TestTokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Personnel data does not travel through notifications: a stored rule set written before the rule
 * (or straight into the store) that sends cadre events beyond HR is filtered when loaded, and the
 * texts of cadre events name no conclusion.
 */
class PersonnelDataIT extends NotificationITSupport {

  private static final String RULES = "/api/notification-rules";

  @Autowired MongoTemplate mongo;
  @Autowired RuleStore ruleStore;

  @Test
  void aStoredRuleSetThatSendsCadreEventsBeyondHrIsFilteredOnLoad() {
    String admin = TestTokens.admin();
    JsonNode before = get(admin, RULES).json();
    try {
      List<Document> stored = new ArrayList<>();
      for (JsonNode rule : before.get("rules")) {
        ObjectNode copy = (ObjectNode) rule.deepCopy();
        if (rule.get("event").asString().equals("CADRE_VETOED")) {
          copy.putArray("roles").add("HR").add("UNIT_LEAD");
          copy.putArray("users").add("lead-fgw");
          copy.putArray("channels").add("IN_APP").add("WEBHOOK");
        }
        stored.add(Document.parse(copy.toString()));
      }
      stored.add(
          Document.parse(
              "{\"event\":\"EVALUATION_RECORDED\",\"type\":\"EVALUATION_RECORDED\",\"persons\":[],"
                  + "\"users\":[],\"roles\":[\"INSPECTOR\"],\"channels\":[],\"enabled\":true}"));
      mongo.updateFirst(
          new Query(Criteria.where("_id").is("active")),
          new Update().set("rules", stored),
          "notification_rules");
      ruleStore.reload();

      JsonNode loaded = get(admin, RULES).json();
      JsonNode vetoed = rule(loaded, "CADRE_VETOED");
      assertThat(vetoed.get("roles").toString()).isEqualTo("[\"HR\"]");
      assertThat(vetoed.get("users").toString()).isEqualTo("[]");
      assertThat(vetoed.get("channels").toString()).doesNotContain("WEBHOOK");
      assertThat(loaded.get("rules").toString())
          .as("a cadre rule left without an addressee and without a default is dropped")
          .doesNotContain("EVALUATION_RECORDED");

      String cadre = "cadre-" + UUID.randomUUID();
      String link = "/api/cadres/" + cadre;
      publish(new CadreVetoed(cadre, "王五", "FGW", List.of("PROMOTION"), List.of()));
      awaitInbox(TestTokens.hr(), link, 1);
      assertThat(inboxFor(TestTokens.leadFgw(), link)).isEmpty();
      assertThat(mongo.count(new Query(Criteria.where("link").is(link)), "notifications"))
          .isEqualTo(1);
    } finally {
      restore(before);
    }
  }

  @Test
  void cadreEventTextsNameNoConclusion() {
    String admin = TestTokens.admin();
    JsonNode before = get(admin, RULES).json();
    try {
      ObjectNode withRecorded = (ObjectNode) before.deepCopy();
      withRecorded
          .withArray("rules")
          .addObject()
          .put("event", "EVALUATION_RECORDED")
          .put("type", "EVALUATION_RECORDED")
          .set("roles", json.createArrayNode().add("HR"));
      assertThat(put(admin, RULES, withRecorded.toString()).status()).isEqualTo(200);

      String cadre = "cadre-" + UUID.randomUUID();
      String link = "/api/cadres/" + cadre;
      publish(
          new EvaluationRecorded(
              "rec-" + UUID.randomUUID(),
              cadre,
              "FGW",
              LocalDate.of(2026, 3, 1),
              "ANNUAL_ASSESSMENT",
              "UNQUALIFIED",
              "evaluator",
              null));
      publish(
          new CadreVetoed(
              cadre,
              "赵六",
              "FGW",
              List.of("PROMOTION"),
              List.of(
                  new VetoReason("rec-1", LocalDate.of(2026, 3, 1), "evaluator", "UNQUALIFIED"))));
      List<JsonNode> inbox = awaitInbox(TestTokens.hr(), link, 2);
      for (JsonNode n : inbox) {
        assertThat(n.get("title").asString() + n.get("body").asString())
            .doesNotContain("不合格")
            .doesNotContain("UNQUALIFIED")
            .doesNotContain("结论");
      }
      for (Document stored :
          mongo.find(new Query(Criteria.where("link").is(link)), Document.class, "notifications")) {
        assertThat(stored.toJson()).doesNotContain("UNQUALIFIED").doesNotContain("不合格");
      }
    } finally {
      restore(before);
    }
  }

  private void restore(JsonNode before) {
    String admin = TestTokens.admin();
    ObjectNode restore = (ObjectNode) before.deepCopy();
    restore.remove("history");
    restore.put("revision", get(admin, RULES).json().get("revision").asLong());
    assertThat(put(admin, RULES, restore.toString()).status()).isEqualTo(200);
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
