package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.checklist.FindingRaised;
import gov.supervision.contracts.checklist.ItemAssigned;
import gov.supervision.contracts.checklist.ItemDueSoon;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.contracts.checklist.ItemPublished;
import gov.supervision.contracts.checklist.UnitEarlyWarningRaised;
import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.contracts.evaluation.UnusualReadingRaised;
import gov.supervision.contracts.evaluation.VetoReason;
import gov.supervision.testsupport.TestTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The default rule table of docs/domain.md: each event gives exactly the right notifications to
 * exactly the right inboxes (checked through the inbox endpoint of every demo user) and nothing to
 * anyone else.
 */
class RuleTableIT extends NotificationITSupport {

  private static final Map<String, String> USERS = users();

  @Autowired MongoTemplate mongo;

  private static Map<String, String> users() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("inspector", TestTokens.inspector());
    users.put("lead-fgw", TestTokens.leadFgw());
    users.put("lead-jw", TestTokens.leadJw());
    users.put("evaluator", TestTokens.evaluator());
    users.put("hr", TestTokens.hr());
    users.put("auditor", TestTokens.auditor());
    users.put("admin", TestTokens.admin());
    return users;
  }

  /** Waits for the expected inboxes, then checks every demo user has exactly what it should. */
  private void expect(String link, Map<String, List<String>> expected) {
    expected.forEach((user, types) -> awaitInbox(USERS.get(user), link, types.size()));
    USERS.forEach(
        (user, token) ->
            assertThat(typesFor(token, link))
                .as("inbox of %s for %s", user, link)
                .isEqualTo(expected.getOrDefault(user, List.of()).stream().sorted().toList()));
  }

  @Test
  void itemPublishedGoesToTheResponsiblePersonOnly() {
    ItemFacts item = item("FGW", "lead-fgw", "学习贯彻党的二十大精神专题研讨");
    publish(new ItemPublished(item));
    expect("/api/items/" + item.itemId(), Map.of("lead-fgw", List.of("ITEM_PUBLISHED")));

    JsonNode n = inboxFor(USERS.get("lead-fgw"), "/api/items/" + item.itemId()).get(0);
    assertThat(n.get("title").asString()).isEqualTo("新督办事项：学习贯彻党的二十大精神专题研讨");
    assertThat(n.get("body").asString())
        .contains("市发展和改革委员会")
        .contains("2026-12-31")
        .contains("/api/items/" + item.itemId());
    assertThat(n.get("read").asBoolean()).isFalse();
    assertThat(java.time.Instant.parse(n.get("createdAt").asString())).isNotNull();
    assertThat(n.get("id").asString()).isNotBlank();
  }

  @Test
  void itemAssignedGoesToTheAssigneeElseTheResponsiblePerson() {
    ItemFacts toAssignee = item("JW", "lead-fgw", "教育系统政治生态调研");
    publish(new ItemAssigned(toAssignee, "lead-jw", "inspector", "专人盯办"));
    expect("/api/items/" + toAssignee.itemId(), Map.of("lead-jw", List.of("ITEM_ASSIGNED")));

    ItemFacts noAssignee = item("FGW", "lead-fgw", "重大项目审批监督");
    publish(new ItemAssigned(noAssignee, null, "inspector", "专人盯办"));
    expect("/api/items/" + noAssignee.itemId(), Map.of("lead-fgw", List.of("ITEM_ASSIGNED")));
  }

  @Test
  void yellowAndRedLightsGoToTheResponsiblePersonAndTheInspectors() {
    ItemFacts yellow = item("FGW", "lead-fgw", "营商环境专项督查");
    publish(new ItemDueSoon(yellow));
    expect(
        "/api/items/" + yellow.itemId(),
        Map.of("lead-fgw", List.of("ITEM_DUE_SOON"), "inspector", List.of("ITEM_DUE_SOON")));

    ItemFacts red = item("JW", "lead-jw", "校园安全责任落实");
    publish(new ItemOverdue(red));
    expect(
        "/api/items/" + red.itemId(),
        Map.of("lead-jw", List.of("ITEM_OVERDUE"), "inspector", List.of("ITEM_OVERDUE")));
    JsonNode n = inboxFor(USERS.get("lead-jw"), "/api/items/" + red.itemId()).get(0);
    assertThat(n.get("title").asString()).startsWith("【红灯】逾期预警");
    assertThat(n.get("body").asString()).contains("市教育局");
  }

  @Test
  void findingRaisedGoesToTheResponsiblePersonAndTheInspectors() {
    ItemFacts item = item("FGW", "lead-fgw", "政府投资项目监管");
    publish(
        new FindingRaised(
            "finding-" + UUID.randomUUID(),
            item,
            "台账记录不完整",
            "MAJOR",
            null,
            LocalDate.of(2026, 12, 15),
            "inspector"));
    expect(
        "/api/items/" + item.itemId(),
        Map.of("lead-fgw", List.of("FINDING_RAISED"), "inspector", List.of("FINDING_RAISED")));
  }

  @Test
  void unusualReadingGoesToTheAuditorsOnce_inChineseWithoutFileContent() {
    String reader = "hr-" + UUID.randomUUID().toString().substring(0, 8);
    UnusualReadingRaised raised =
        new UnusualReadingRaised(
            reader,
            "READ_VOLUME",
            31,
            30,
            Instant.parse("2026-03-02T01:00:00Z"),
            Instant.parse("2026-03-02T02:00:00Z"));
    String ceId = UUID.randomUUID().toString();
    publish(raised, ceId);
    publish(raised, ceId); // redelivered by the relay: still one notice
    String link = "/api/access-log?actor=" + reader;
    expect(link, Map.of("auditor", List.of("UNUSUAL_READING")));

    JsonNode n = inboxFor(USERS.get("auditor"), link).get(0);
    assertThat(n.get("title").asString()).isEqualTo("【异常查阅】" + reader + "：查阅干部档案次数异常");
    assertThat(n.get("body").asString())
        .isEqualTo(
            reader
                + " 在 2026-03-02 09:00 至 2026-03-02 10:00 期间查阅干部档案次数异常：共 31 次，超过设定的 30 次。"
                + "请核查干部档案访问日志。详情："
                + link);
    assertThat(mongo.count(new Query(Criteria.where("eventId").is(ceId)), "notifications"))
        .isEqualTo(1);
  }

  @Test
  void cadreVetoedGoesToHrOnly() {
    String cadre = "cadre-" + UUID.randomUUID();
    publish(
        new CadreVetoed(
            cadre,
            "张三",
            "FGW",
            List.of("PROMOTION", "AWARD"),
            List.of(
                new VetoReason("rec-1", LocalDate.of(2026, 3, 1), "evaluator", "UNQUALIFIED"))));
    expect("/api/cadres/" + cadre, Map.of("hr", List.of("CADRE_VETOED")));
    JsonNode n = inboxFor(USERS.get("hr"), "/api/cadres/" + cadre).get(0);
    assertThat(n.get("title").asString()).isEqualTo("【一票否决】张三");
    assertThat(n.get("body").asString()).contains("在选拔任用、评先评优中被一票否决").contains("市发展和改革委员会");
  }

  @Test
  void unitEarlyWarningGoesToTheInspectorsOnly() {
    String unit = "EW" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
    unit = unit.substring(0, Math.min(10, unit.length()));
    publish(new UnitEarlyWarningRaised(unit, "WARNING", "WATCH", 3, 1, 0));
    expect(
        "/api/units/" + unit + "/early-warning",
        Map.of("inspector", List.of("UNIT_EARLY_WARNING")));
  }
}
