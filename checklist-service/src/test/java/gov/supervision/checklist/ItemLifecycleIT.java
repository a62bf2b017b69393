package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemLifecycleIT extends ChecklistIT {

  @Test
  void draftPublishAndTheWholeClosedLoop() {
    String checklist = newChecklist();
    Reply created = get("/api/checklists/" + checklist, INSPECTOR);
    assertThat(created.text("status")).isEqualTo("DRAFT");

    String itemId = addItem(checklist, "FGW", DAY.plusDays(30));
    Reply item = get("/api/items/" + itemId, INSPECTOR);
    assertThat(item.text("stage")).isEqualTo("LEDGER_REGISTERED");
    assertThat(item.text("light")).isEqualTo("GREEN");

    Reply published = post("/api/checklists/" + checklist + "/publish", INSPECTOR, null);
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.text("status")).isEqualTo("PUBLISHED");
    assertThat(published.body().path("items").get(0).path("stage").asString())
        .isEqualTo("LEDGER_REGISTERED");

    assertThat(transition(itemId, "MEETING_REVIEWED", null).status()).isEqualTo(409);
    assertThat(transition(itemId, "ASSIGNED", "专人盯办").status()).isEqualTo(200);
    assertThat(transition(itemId, "MEETING_REVIEWED", null).status()).isEqualTo(200);
    Reply back = transition(itemId, "ASSIGNED", null);
    assertThat(back.status()).isEqualTo(400);
    assertThat(back.body().path("errors").get(0).path("field").asString()).isEqualTo("note");
    assertThat(transition(itemId, "ASSIGNED", "会议决定退回").status()).isEqualTo(200);
    for (String stage :
        new String[] {"MEETING_REVIEWED", "INSPECTING", "ON_SITE_VERIFIED", "REPORTED"}) {
      assertThat(transition(itemId, stage, "ok").status()).isEqualTo(200);
    }

    Reply finding =
        post(
            "/api/items/" + itemId + "/findings",
            INSPECTOR,
            Map.of(
                "description", "学习贯彻不到位",
                "severity", "MAJOR",
                "cadreId", "cadre-7",
                "rectifyBy", DAY.plusDays(10).toString()));
    assertThat(finding.status()).isEqualTo(201);
    assertThat(finding.text("status")).isEqualTo("OPEN");
    String findingId = finding.text("id");

    assertThat(transition(itemId, "CLOSED", "办结").status()).isEqualTo(409);
    Reply rectified =
        post("/api/findings/" + findingId + "/rectification", LEAD_FGW, Map.of("report", "已整改"));
    assertThat(rectified.status()).isEqualTo(200);
    assertThat(rectified.text("status")).isEqualTo("RECTIFIED");
    Reply rejected =
        post(
            "/api/findings/" + findingId + "/verification",
            INSPECTOR,
            Map.of("accepted", false, "note", "不彻底"));
    assertThat(rejected.text("status")).isEqualTo("RECTIFYING");
    post("/api/findings/" + findingId + "/rectification", INSPECTOR, Map.of("report", "再次整改"));
    Reply verified =
        post(
            "/api/findings/" + findingId + "/verification",
            INSPECTOR,
            Map.of("accepted", true, "note", "通过"));
    assertThat(verified.text("status")).isEqualTo("VERIFIED");

    Reply closed = transition(itemId, "CLOSED", "办结销号");
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.text("stage")).isEqualTo("CLOSED");
    assertThat(closed.body().path("light").isNull()).isTrue();

    Reply full = get("/api/items/" + itemId, LEAD_FGW);
    assertThat(full.status()).isEqualTo(200);
    assertThat(full.body().path("history").size()).isGreaterThan(10);
    assertThat(full.body().path("findings").get(0).path("status").asString()).isEqualTo("VERIFIED");
    assertThat(get("/api/items/" + itemId, LEAD_JW).status()).isEqualTo(404);
  }

  @Test
  void listsFilterByLightAndStageAndStatisticsCountThem() {
    String checklist = newChecklist();
    String red = addItem(checklist, "FGW", DAY.minusDays(1));
    String yellowToday = addItem(checklist, "FGW", DAY);
    String yellow = addItem(checklist, "JW", DAY.plusDays(7));
    String green = addItem(checklist, "JW", DAY.plusDays(8));
    publish(checklist);
    transition(green, "ASSIGNED", "盯办");

    String base = "/api/items?checklistId=" + checklist;
    assertThat(ids(get(base + "&light=RED", INSPECTOR))).containsExactly(red);
    assertThat(ids(get(base + "&light=YELLOW", INSPECTOR)))
        .containsExactlyInAnyOrder(yellowToday, yellow);
    assertThat(ids(get(base + "&light=GREEN", INSPECTOR))).containsExactly(green);
    assertThat(ids(get(base + "&stage=ASSIGNED", AUDITOR))).containsExactly(green);
    assertThat(ids(get(base + "&light=YELLOW&unit=FGW", LEAD_FGW))).containsExactly(yellowToday);
    var page = get(base + "&page=1&size=3", ADMIN).body();
    assertThat(page.path("content").size()).isEqualTo(1);
    assertThat(page.path("totalElements").asInt()).isEqualTo(4);
    assertThat(page.path("totalPages").asInt()).isEqualTo(2);

    var stats = get("/api/checklists/" + checklist + "/statistics", INSPECTOR).body();
    assertThat(stats.path("total").asInt()).isEqualTo(4);
    assertThat(stats.path("byLight").path("RED").asInt()).isEqualTo(1);
    assertThat(stats.path("byLight").path("YELLOW").asInt()).isEqualTo(2);
    assertThat(stats.path("byLight").path("GREEN").asInt()).isEqualTo(1);
    assertThat(stats.path("byStage").path("ASSIGNED").asInt()).isEqualTo(1);
    assertThat(stats.path("byUnit").path("JW").asInt()).isEqualTo(2);
    assertThat(stats.path("byMethod").path("SPECIAL_INSPECTION").asInt()).isEqualTo(4);
    assertThat(stats.path("byFocusArea").path("CENTRAL_DIRECTIVES").asInt()).isEqualTo(4);
    assertThat(stats.path("completionRate").asDouble()).isZero();
  }

  @Test
  void brokenTokensAre401() {
    for (String token :
        new String[] {
          gov.supervision.testsupport.TestTokens.expired("inspector", "INSPECTOR"),
          gov.supervision.testsupport.TestTokens.wrongIssuer("inspector", "INSPECTOR"),
          gov.supervision.testsupport.TestTokens.wrongKey("inspector", "INSPECTOR"),
          gov.supervision.testsupport.TestTokens.tampered("auditor"),
          gov.supervision.testsupport.TestTokens.algNone("inspector", "INSPECTOR")
        }) {
      assertThat(get("/api/checklists", token).status()).isEqualTo(401);
    }
  }

  private static java.util.List<String> ids(Reply reply) {
    return reply.body().path("content").findValuesAsString("id").stream()
        .filter(id -> id.length() == 36)
        .distinct()
        .toList();
  }
}
