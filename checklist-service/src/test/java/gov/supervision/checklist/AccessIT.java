package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Every endpoint with a role that may and one that may not, and unit scoping. */
class AccessIT extends ChecklistIT {

  String checklist;
  String fgwItem;
  String jwItem;
  String finding;

  @BeforeEach
  void data() {
    checklist = newChecklist();
    fgwItem = addItem(checklist, "FGW", DAY.plusDays(30));
    jwItem = addItem(checklist, "JW", DAY.plusDays(30));
    publish(checklist);
    finding = raiseFinding(fgwItem, "MINOR", DAY.plusDays(9));
  }

  int status(HttpMethod method, String path, String token, Object body) {
    return call(method, path, token, body).status();
  }

  @Test
  void checklistEndpoints() {
    var create = Map.of("year", 2026, "scope", freshUnit(), "title", "t");
    assertThat(status(HttpMethod.POST, "/api/checklists", INSPECTOR, create)).isEqualTo(201);
    assertThat(
            status(
                HttpMethod.POST,
                "/api/checklists",
                ADMIN,
                Map.of("year", 2026, "scope", freshUnit(), "title", "t")))
        .isEqualTo(201);
    assertThat(status(HttpMethod.POST, "/api/checklists", AUDITOR, create)).isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/api/checklists", LEAD_FGW, create)).isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/api/checklists", null, create)).isEqualTo(401);

    for (String ok : new String[] {INSPECTOR, ADMIN, AUDITOR}) {
      assertThat(status(HttpMethod.GET, "/api/checklists?year=2026&page=0&size=5", ok, null))
          .isEqualTo(200);
      assertThat(status(HttpMethod.GET, "/api/checklists/" + checklist, ok, null)).isEqualTo(200);
      assertThat(status(HttpMethod.GET, "/api/checklists/" + checklist + "/statistics", ok, null))
          .isEqualTo(200);
      assertThat(status(HttpMethod.GET, "/api/checklists/" + checklist + "/export.xlsx", ok, null))
          .isEqualTo(200);
    }
    for (String no : new String[] {LEAD_FGW, HR, EVALUATOR}) {
      assertThat(status(HttpMethod.GET, "/api/checklists", no, null)).isEqualTo(403);
      assertThat(status(HttpMethod.GET, "/api/checklists/" + checklist, no, null)).isEqualTo(403);
      assertThat(status(HttpMethod.GET, "/api/checklists/" + checklist + "/statistics", no, null))
          .isEqualTo(403);
      assertThat(status(HttpMethod.GET, "/api/checklists/" + checklist + "/export.xlsx", no, null))
          .isEqualTo(403);
    }
    var page = get("/api/checklists?size=2", AUDITOR);
    assertThat(page.body().path("content").size()).isLessThanOrEqualTo(2);
    assertThat(page.body().path("totalElements").asLong()).isGreaterThanOrEqualTo(1);

    String draft = newChecklist();
    var item = item("FGW", DAY.plusDays(20));
    assertThat(status(HttpMethod.POST, "/api/checklists/" + draft + "/items", ADMIN, item))
        .isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/api/checklists/" + draft + "/items", INSPECTOR, item))
        .isEqualTo(201);
    assertThat(status(HttpMethod.POST, "/api/checklists/" + draft + "/publish", ADMIN, null))
        .isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/api/checklists/" + draft + "/publish", INSPECTOR, null))
        .isEqualTo(200);
    assertThat(status(HttpMethod.POST, "/api/checklists/" + draft + "/publish", INSPECTOR, null))
        .isEqualTo(409);
    assertThat(status(HttpMethod.POST, "/api/checklists/" + draft + "/archive", LEAD_FGW, null))
        .isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/api/checklists/" + draft + "/archive", INSPECTOR, null))
        .isEqualTo(200);
    assertThat(status(HttpMethod.POST, "/api/checklists/" + draft + "/items", INSPECTOR, item))
        .isEqualTo(409);
  }

  @Test
  void unknownIdsAre404() {
    assertThat(status(HttpMethod.GET, "/api/checklists/nope", INSPECTOR, null)).isEqualTo(404);
    assertThat(status(HttpMethod.GET, "/api/items/nope", INSPECTOR, null)).isEqualTo(404);
    assertThat(status(HttpMethod.GET, "/api/items/nope", LEAD_FGW, null)).isEqualTo(404);
    assertThat(
            status(
                HttpMethod.POST,
                "/api/items/nope/transitions",
                INSPECTOR,
                Map.of("to", "ASSIGNED")))
        .isEqualTo(404);
    assertThat(
            status(
                HttpMethod.POST,
                "/api/findings/nope/rectification",
                INSPECTOR,
                Map.of("report", "r")))
        .isEqualTo(404);
    assertThat(status(HttpMethod.POST, "/api/checklists/nope/publish", INSPECTOR, null))
        .isEqualTo(404);
    assertThat(status(HttpMethod.GET, "/api/checklists/nope/statistics", INSPECTOR, null))
        .isEqualTo(404);
    // each kind of thing keeps its own problem type, wherever the lookup happens
    assertProblem(
        call(HttpMethod.POST, "/api/items/nope/transitions", INSPECTOR, Map.of("to", "ASSIGNED")),
        "item-not-found",
        "事项 nope 不存在 no such item");
    assertProblem(
        call(
            HttpMethod.POST,
            "/api/findings/nope/verification",
            INSPECTOR,
            Map.of("accepted", true)),
        "finding-not-found",
        "问题 nope 不存在 no such finding");
    assertProblem(
        call(HttpMethod.POST, "/api/checklists/nope/publish", INSPECTOR, null),
        "not-found",
        "checklist nope 不存在 does not exist");
  }

  private static void assertProblem(Reply reply, String type, String detail) {
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(404);
    assertThat(reply.text("type")).isEqualTo("urn:supervision:problem:" + type);
    assertThat(reply.text("title")).isEqualTo("未找到 Not found");
    assertThat(reply.text("detail")).isEqualTo(detail);
  }

  @Test
  void itemEndpointsAndUnitScoping() {
    for (String ok : new String[] {INSPECTOR, ADMIN, AUDITOR}) {
      assertThat(status(HttpMethod.GET, "/api/items?checklistId=" + checklist, ok, null))
          .isEqualTo(200);
      assertThat(status(HttpMethod.GET, "/api/items/" + jwItem, ok, null)).isEqualTo(200);
    }
    assertThat(status(HttpMethod.GET, "/api/items", HR, null)).isEqualTo(403);
    assertThat(status(HttpMethod.GET, "/api/items/" + fgwItem, EVALUATOR, null)).isEqualTo(403);

    // a unit lead sees its own unit only; another unit's item is as unknown as a made-up id
    assertThat(status(HttpMethod.GET, "/api/items/" + fgwItem, LEAD_FGW, null)).isEqualTo(200);
    assertThat(status(HttpMethod.GET, "/api/items/" + jwItem, LEAD_FGW, null)).isEqualTo(404);
    assertThat(status(HttpMethod.GET, "/api/items?unit=JW", LEAD_FGW, null)).isEqualTo(403);
    var own = get("/api/items?unit=FGW&checklistId=" + checklist, LEAD_FGW);
    assertThat(own.status()).isEqualTo(200);
    var unfiltered = get("/api/items?checklistId=" + checklist, LEAD_FGW);
    assertThat(unfiltered.body().path("totalElements").asLong()).isEqualTo(1);
    assertThat(unfiltered.body().path("content").get(0).path("id").asString()).isEqualTo(fgwItem);
    var all = get("/api/items?checklistId=" + checklist, INSPECTOR);
    assertThat(all.body().path("totalElements").asLong()).isEqualTo(2);

    // transitions: inspector only
    var assign = Map.of("to", "ASSIGNED", "note", "盯办");
    assertThat(status(HttpMethod.POST, "/api/items/" + fgwItem + "/transitions", LEAD_FGW, assign))
        .isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/api/items/" + fgwItem + "/transitions", ADMIN, assign))
        .isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/api/items/" + fgwItem + "/transitions", INSPECTOR, assign))
        .isEqualTo(200);

    // progress: the unit's lead or the inspector
    var note = Map.of("note", "已部署");
    assertThat(status(HttpMethod.POST, "/api/items/" + fgwItem + "/progress", LEAD_FGW, note))
        .isEqualTo(201);
    assertThat(status(HttpMethod.POST, "/api/items/" + fgwItem + "/progress", INSPECTOR, note))
        .isEqualTo(201);
    assertThat(status(HttpMethod.POST, "/api/items/" + fgwItem + "/progress", LEAD_JW, note))
        .isEqualTo(404);
    assertThat(status(HttpMethod.POST, "/api/items/" + fgwItem + "/progress", AUDITOR, note))
        .isEqualTo(403);
    var history = get("/api/items/" + fgwItem, LEAD_FGW).body().path("history");
    assertThat(history.get(history.size() - 1).path("actor").asString()).isEqualTo("inspector");
    assertThat(history.get(history.size() - 2).path("actor").asString()).isEqualTo("lead-fgw");
  }

  @Test
  void findingEndpoints() {
    var raise = Map.of("description", "d", "severity", "MINOR", "rectifyBy", DAY.toString());
    assertThat(status(HttpMethod.POST, "/api/items/" + fgwItem + "/findings", LEAD_FGW, raise))
        .isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/api/items/" + fgwItem + "/findings", INSPECTOR, raise))
        .isEqualTo(201);

    var report = Map.of("report", "已整改");
    assertThat(
            status(HttpMethod.POST, "/api/findings/" + finding + "/rectification", LEAD_JW, report))
        .isEqualTo(404);
    assertThat(
            status(HttpMethod.POST, "/api/findings/" + finding + "/rectification", ADMIN, report))
        .isEqualTo(403);
    assertThat(
            status(
                HttpMethod.POST, "/api/findings/" + finding + "/rectification", LEAD_FGW, report))
        .isEqualTo(200);
    assertThat(
            status(
                HttpMethod.POST, "/api/findings/" + finding + "/rectification", LEAD_FGW, report))
        .isEqualTo(409);

    var verdict = Map.of("accepted", true, "note", "通过");
    assertThat(
            status(
                HttpMethod.POST, "/api/findings/" + finding + "/verification", LEAD_FGW, verdict))
        .isEqualTo(403);
    assertThat(
            status(
                HttpMethod.POST, "/api/findings/" + finding + "/verification", INSPECTOR, verdict))
        .isEqualTo(200);
    assertThat(
            status(
                HttpMethod.POST, "/api/findings/" + finding + "/verification", INSPECTOR, verdict))
        .isEqualTo(409);
  }

  @Test
  void earlyWarningMetadataAndExcelEndpoints() {
    assertThat(status(HttpMethod.GET, "/api/units/FGW/early-warning", INSPECTOR, null))
        .isEqualTo(200);
    assertThat(status(HttpMethod.GET, "/api/units/FGW/early-warning", ADMIN, null)).isEqualTo(200);
    assertThat(status(HttpMethod.GET, "/api/units/FGW/early-warning", LEAD_FGW, null))
        .isEqualTo(403);
    assertThat(status(HttpMethod.GET, "/api/units/FGW/early-warning", AUDITOR, null))
        .isEqualTo(403);
    assertThat(status(HttpMethod.GET, "/api/units/fgw/early-warning", INSPECTOR, null))
        .isEqualTo(400);

    for (String anyone : new String[] {INSPECTOR, LEAD_FGW, EVALUATOR, HR, AUDITOR, ADMIN}) {
      assertThat(status(HttpMethod.GET, "/api/checklists/metadata", anyone, null)).isEqualTo(200);
    }
    assertThat(status(HttpMethod.GET, "/api/checklists/metadata", null, null)).isEqualTo(401);
    var stages = get("/api/checklists/metadata", LEAD_FGW).body().path("stage");
    assertThat(stages.get(0).path("code").asString()).isEqualTo("LEDGER_REGISTERED");
    assertThat(stages.get(0).path("zh").asString()).isEqualTo("建立台账");
    assertThat(stages.get(0).path("en").asString()).isEqualTo("Registered in the ledger");
    var metadata = get("/api/checklists/metadata", HR).body();
    for (String e :
        new String[] {
          "focusArea",
          "supervisionMethod",
          "reportCadence",
          "stage",
          "light",
          "severity",
          "findingStatus",
          "checklistStatus",
          "warningLevel"
        }) {
      assertThat(metadata.path(e).size()).as(e).isGreaterThan(0);
    }

    assertThat(
            status(HttpMethod.GET, "/api/checklists/items/import-template.xlsx", INSPECTOR, null))
        .isEqualTo(200);
    assertThat(status(HttpMethod.GET, "/api/checklists/items/import-template.xlsx", LEAD_FGW, null))
        .isEqualTo(403);
  }
}
