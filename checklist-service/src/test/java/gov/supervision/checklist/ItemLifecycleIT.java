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
    assertThat(get("/api/items/" + itemId, LEAD_JW).status()).isEqualTo(403);
  }
}
