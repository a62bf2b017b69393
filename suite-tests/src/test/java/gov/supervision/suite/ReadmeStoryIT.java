package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.suite.Suite.Answer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The README story through the gateway, on real processes and real tokens: the inspector's
 * checklist, unit leads seeing only their own, the closed loop to CLOSED with a finding, the
 * evaluator's records, HR's dossier and veto, the auditor's log, and every inbox holding exactly
 * the alerts docs/domain.md promises, once, in zh-CN.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeStoryIT {

  static final Suite suite = Suite.get();
  static final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final String cadreId = "c-" + UUID.randomUUID().toString().substring(0, 8);
  static String checklistId;
  static String greenItem;
  static String yellowItem;
  static String redItem;
  static String findingId;

  @Test
  @Order(1)
  void inspectorDraftsAndPublishesAChecklistWithGreenYellowAndRedItems() {
    Answer created =
        suite.post(
            "inspector",
            "/api/checklists",
            Map.of("year", 2026, "scope", "CITY", "title", "2026年度政治监督重点事项清单"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
    checklistId = created.id();

    greenItem = addItem(Fixtures.item("FGW", "lead-fgw", today.plusDays(30), "贯彻落实重要指示批示精神"));
    yellowItem = addItem(Fixtures.item("JW", "lead-jw", today.plusDays(3), "学习贯彻二十届四中全会精神"));
    redItem = addItem(Fixtures.item("FGW", "lead-fgw", today.minusDays(2), "推动高质量发展重大战略落实"));

    Answer published =
        suite.post("inspector", "/api/checklists/" + checklistId + "/publish", Map.of());
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

    Map<String, String> lights = new HashMap<>();
    for (String id : List.of(greenItem, yellowItem, redItem)) {
      JsonNode item = suite.get("inspector", "/api/items/" + id).json();
      assertThat(item.get("stage").asString()).isEqualTo("LEDGER_REGISTERED");
      lights.put(id, item.get("light").asString());
    }
    assertThat(lights)
        .containsEntry(greenItem, "GREEN")
        .containsEntry(yellowItem, "YELLOW")
        .containsEntry(redItem, "RED");
  }

  static String addItem(Map<String, Object> item) {
    Answer answer = suite.post("inspector", "/api/checklists/" + checklistId + "/items", item);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.id();
  }

  @Test
  @Order(2)
  void unitLeadsSeeOnlyTheirOwnUnit() {
    Answer fgw = suite.get("lead-fgw", "/api/items?checklistId=" + checklistId);
    assertThat(fgw.status()).as(fgw.toString()).isEqualTo(200);
    assertThat(ids(fgw.json().get("content"))).containsExactlyInAnyOrder(greenItem, redItem);

    Answer jw = suite.get("lead-jw", "/api/items?checklistId=" + checklistId + "&unit=JW");
    assertThat(ids(jw.json().get("content"))).containsExactly(yellowItem);

    assertThat(suite.get("lead-jw", "/api/items?checklistId=" + checklistId + "&unit=FGW").status())
        .isEqualTo(403);
    // another unit's item is answered as an unknown one, so that ids cannot be probed
    assertThat(suite.get("lead-jw", "/api/items/" + greenItem).status()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void theClosedLoopRunsToClosedWithAFindingRaisedRectifiedAndVerified() {
    Answer cadre =
        suite.post(
            "evaluator",
            "/api/cadres",
            Map.of("id", cadreId, "name", "张三", "unit", "FGW", "position", "处长"));
    assertThat(cadre.status()).as(cadre.toString()).isEqualTo(201);

    transition("ASSIGNED", "专人盯办", "lead-fgw");
    transition("MEETING_REVIEWED", "党组会议研究", null);
    Answer skip =
        suite.post(
            "inspector",
            "/api/items/" + greenItem + "/transitions",
            Map.of("to", "REPORTED", "note", "跳过"));
    assertThat(skip.status()).as("a stage may not be skipped").isEqualTo(409);
    transition("INSPECTING", "调研督查", null);

    Answer finding =
        suite.post(
            "inspector",
            "/api/items/" + greenItem + "/findings",
            Map.of(
                "description",
                "传达学习不及时",
                "severity",
                "MAJOR",
                "cadreId",
                cadreId,
                "rectifyBy",
                today.plusDays(14).toString()));
    assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
    assertThat(finding.json().get("status").asString()).isEqualTo("OPEN");
    findingId = finding.id();

    transition("ON_SITE_VERIFIED", "现场核查", null);
    transition("REPORTED", "定期报告", null);
    Answer earlyClose =
        suite.post(
            "inspector",
            "/api/items/" + greenItem + "/transitions",
            Map.of("to", "CLOSED", "note", "办结"));
    assertThat(earlyClose.status()).as("closing with an open finding").isEqualTo(409);

    Answer rectified =
        suite.post(
            "lead-fgw",
            "/api/findings/" + findingId + "/rectification",
            Map.of("report", "已组织专题学习并建立长效机制"));
    assertThat(rectified.status()).as(rectified.toString()).isEqualTo(200);
    assertThat(rectified.json().get("status").asString()).isEqualTo("RECTIFIED");
    Answer verified =
        suite.post(
            "inspector",
            "/api/findings/" + findingId + "/verification",
            Map.of("accepted", true, "note", "整改到位"));
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");

    transition("CLOSED", "办结销号", null);
    JsonNode item = suite.get("lead-fgw", "/api/items/" + greenItem).json();
    assertThat(item.get("stage").asString()).isEqualTo("CLOSED");
    assertThat(item.get("history").size()).isGreaterThanOrEqualTo(8);
  }

  static void transition(String to, String note, String assignee) {
    Map<String, Object> body = new HashMap<>(Map.of("to", to, "note", note));
    if (assignee != null) {
      body.put("assignee", assignee);
    }
    Answer answer = suite.post("inspector", "/api/items/" + greenItem + "/transitions", body);
    assertThat(answer.status()).as(to + ": " + answer).isEqualTo(200);
    assertThat(answer.json().get("stage").asString()).isEqualTo(to);
  }

  @Test
  @Order(4)
  void anUnqualifiedRecordVetoesTheCadreAndHrSeesItWithTheLinkedFinding() {
    Map<String, Object> dimensions = Fixtures.dimensions(2);
    Answer good =
        suite.post(
            "evaluator",
            "/api/cadres/" + cadreId + "/evaluations",
            Map.of(
                "date", today.minusMonths(6).toString(),
                "source", "DAILY_SUPERVISION",
                "dimensions", dimensions,
                "conclusion", "QUALIFIED",
                "remarks", "日常监督"));
    assertThat(good.status()).as(good.toString()).isEqualTo(201);
    Answer opened =
        suite.post(
            "hr",
            "/api/review-cases",
            Fixtures.reviewCase("2026-干部选拔-" + cadreId, "PROMOTION", List.of(cadreId)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String inCase = "?caseId=" + opened.id();
    JsonNode eligible =
        suite.get("hr", "/api/cadres/" + cadreId + "/promotion-eligibility" + inCase).json();
    assertThat(eligible.get("eligible").asBoolean()).isTrue();

    Answer bad =
        suite.post(
            "evaluator",
            "/api/cadres/" + cadreId + "/evaluations",
            Map.of(
                "date", today.minusDays(10).toString(),
                "source", "ANNUAL_ASSESSMENT",
                "dimensions", dimensions,
                "conclusion", "UNQUALIFIED",
                "remarks", "年度考核不合格"));
    assertThat(bad.status()).as(bad.toString()).isEqualTo(201);

    JsonNode vetoed =
        suite.get("hr", "/api/cadres/" + cadreId + "/promotion-eligibility" + inCase).json();
    assertThat(vetoed.get("eligible").asBoolean()).isFalse();
    assertThat(vetoed.get("vetoed").asBoolean()).isTrue();
    assertThat(vetoed.get("reasons").toString()).contains(bad.id());

    assertThat(suite.get("hr", "/api/cadres/" + cadreId + "/dossier").status())
        .as("a read naming no review case")
        .isEqualTo(400);
    assertThat(suite.get("hr", "/api/cadres/" + cadreId + "/dossier?purpose=aaa").status())
        .as("a purpose that is no case number")
        .isEqualTo(400);
    assertThat(suite.get("inspector", "/api/cadres/" + cadreId + "/dossier" + inCase).status())
        .isEqualTo(403);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode dossier =
                  suite.get("hr", "/api/cadres/" + cadreId + "/dossier" + inCase).json();
              assertThat(dossier.get("veto").get("vetoed").asBoolean()).isTrue();
              assertThat(dossier.get("linkedFindings").toString())
                  .contains(findingId)
                  .contains("VERIFIED");
            });
  }

  @Test
  @Order(5)
  void theAuditorReadsAndVerifiesTheAccessLog() {
    Answer log = suite.get("auditor", "/api/access-log?cadreId=" + cadreId);
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    JsonNode entries = log.json().has("content") ? log.json().get("content") : log.json();
    assertThat(entries.size()).as("every HR read and refusal is logged").isGreaterThanOrEqualTo(5);
    assertThat(entries.toString()).contains("\"hr\"").contains("inspector");

    Answer verify = suite.get("auditor", "/api/access-log/verify");
    assertThat(verify.status()).isEqualTo(200);
    assertThat(verify.json().get("valid").asBoolean()).as(verify.toString()).isTrue();

    assertThat(suite.get("hr", "/api/access-log?cadreId=" + cadreId).status()).isEqualTo(403);
  }

  @Test
  @Order(6)
  void everyInboxHoldsExactlyThePromisedAlertsOnceInChinese() {
    Map<String, List<String>> expected =
        Map.of(
            "lead-fgw",
            List.of(
                "ITEM_PUBLISHED " + greenItem,
                "ITEM_PUBLISHED " + redItem,
                "ITEM_ASSIGNED " + greenItem,
                "ITEM_OVERDUE " + redItem,
                "FINDING_RAISED " + greenItem),
            "lead-jw",
            List.of("ITEM_PUBLISHED " + yellowItem, "ITEM_DUE_SOON " + yellowItem),
            "inspector",
            List.of(
                "ITEM_DUE_SOON " + yellowItem,
                "ITEM_OVERDUE " + redItem,
                "FINDING_RAISED " + greenItem));
    List<String> promised =
        List.of(
            "ITEM_PUBLISHED", "ITEM_ASSIGNED", "ITEM_DUE_SOON", "ITEM_OVERDUE", "FINDING_RAISED");
    List<String> ours = List.of(greenItem, yellowItem, redItem);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (var person : expected.entrySet()) {
                List<String> got = new ArrayList<>();
                for (JsonNode n : inbox(person.getKey())) {
                  String type = n.get("type").asString();
                  String link = n.get("link").asString();
                  String subject = link.substring(link.lastIndexOf('/') + 1);
                  if (promised.contains(type) && ours.contains(subject)) {
                    got.add(type + " " + subject);
                    assertThat(n.get("title").asString()).matches(".*[\\u4e00-\\u9fa5].*");
                  }
                }
                assertThat(got)
                    .as(person.getKey())
                    .containsExactlyInAnyOrderElementsOf(person.getValue());
              }
              List<String> vetoes = new ArrayList<>();
              for (JsonNode n : inbox("hr")) {
                if (n.get("type").asString().equals("CADRE_VETOED")
                    && n.get("link").asString().endsWith("/" + cadreId)) {
                  vetoes.add(n.get("body").asString());
                }
              }
              assertThat(vetoes)
                  .as("HR is told of the veto once, for both purposes")
                  .singleElement()
                  .asString()
                  .contains("选拔任用")
                  .contains("评先评优");
            });

    // nobody else hears of these items
    for (String other : List.of("evaluator", "auditor")) {
      for (JsonNode n : inbox(other)) {
        assertThat(n.get("link").asString()).doesNotContain(greenItem).doesNotContain(redItem);
      }
    }
  }

  static List<String> ids(JsonNode content) {
    List<String> ids = new ArrayList<>();
    content.forEach(n -> ids.add(n.get("id").asString()));
    return ids;
  }

  static List<JsonNode> inbox(String client) {
    Answer answer = suite.get(client, "/api/notifications/inbox?size=200");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<JsonNode> all = new ArrayList<>();
    answer.json().get("content").forEach(all::add);
    return all;
  }
}
