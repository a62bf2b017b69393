package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bean Validation, strict JSON and injection attempts: 400 naming the field, 413 when huge. */
class ValidationIT extends ChecklistIT {

  void badRequest(Reply reply, String field) {
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(400);
    assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
    assertThat(reply.body().path("errors").findValuesAsString("field")).contains(field);
  }

  @Test
  void checklistInput() {
    badRequest(
        post("/api/checklists", INSPECTOR, Map.of("year", 1999, "scope", "CITY", "title", "t")),
        "year");
    badRequest(
        post("/api/checklists", INSPECTOR, Map.of("year", 2026, "scope", "city", "title", "t")),
        "scope");
    badRequest(
        post(
            "/api/checklists",
            INSPECTOR,
            Map.of("year", 2026, "scope", "ABCDEFGHIJK", "title", "t")),
        "scope");
    badRequest(
        post("/api/checklists", INSPECTOR, Map.of("year", 2026, "scope", "CITY", "title", " ")),
        "title");
    badRequest(post("/api/checklists", INSPECTOR, Map.of("scope", "CITY", "title", "t")), "year");
    badRequest(
        post(
            "/api/checklists", INSPECTOR, "{\"year\":\"soon\",\"scope\":\"CITY\",\"title\":\"t\"}"),
        "year");
    badRequest(
        post(
            "/api/checklists",
            INSPECTOR,
            "{\"year\":2026,\"scope\":\"CITY\",\"title\":\"t\",\"owner\":\"x\"}"),
        "owner");
    badRequest(
        post(
            "/api/checklists",
            INSPECTOR,
            "{\"year\":2026,\"scope\":{\"$where\":\"sleep(1000)\"},\"title\":\"t\"}"),
        "scope.$where");
    badRequest(
        post(
            "/api/checklists",
            INSPECTOR,
            "{\"year\":2026,\"scope\":\"CITY\",\"title\":\"t\",\"a.b\":1}"),
        "a.b");
    assertThat(post("/api/checklists", INSPECTOR, "{\"year\":2026,").status()).isEqualTo(400);
    badRequest(get("/api/checklists?year=1800", INSPECTOR), "year");
    badRequest(get("/api/checklists?size=100000", INSPECTOR), "size");
    assertThat(get("/api/checklists?status=BOGUS", INSPECTOR).status()).isEqualTo(400);
  }

  @Test
  void oneChecklistPerScopeAndYear() {
    String scope = freshUnit();
    var body = Map.of("year", 2026, "scope", scope, "title", "t");
    assertThat(post("/api/checklists", INSPECTOR, body).status()).isEqualTo(201);
    assertThat(post("/api/checklists", INSPECTOR, body).status()).isEqualTo(409);
  }

  @Test
  void itemInput() {
    String checklist = newChecklist();
    String path = "/api/checklists/" + checklist + "/items";
    for (String field :
        new String[] {
          "focusArea",
          "content",
          "requirements",
          "responsibleUnit",
          "responsiblePerson",
          "method",
          "dueDate"
        }) {
      Map<String, Object> item = new LinkedHashMap<>(item("FGW", DAY));
      item.remove(field);
      badRequest(post(path, INSPECTOR, item), field);
    }
    Map<String, Object> item = new LinkedHashMap<>(item("FGW", DAY));
    item.put("responsibleUnit", "fgw");
    badRequest(post(path, INSPECTOR, item), "responsibleUnit");
    item = new LinkedHashMap<>(item("FGW", DAY));
    item.put("method", "TORTURE");
    badRequest(post(path, INSPECTOR, item), "method");
    item = new LinkedHashMap<>(item("FGW", DAY));
    item.put("dueDate", "31/12/2026");
    badRequest(post(path, INSPECTOR, item), "dueDate");
    item = new LinkedHashMap<>(item("FGW", DAY));
    item.put("reportEvery", "WEEKLY");
    badRequest(post(path, INSPECTOR, item), "reportEvery");
    item = new LinkedHashMap<>(item("FGW", DAY));
    item.put("content", Map.of("$gt", ""));
    badRequest(post(path, INSPECTOR, item), "content.$gt");

    // a due date in the past is allowed (late registration) and red at once
    Reply late = post(path, INSPECTOR, item("FGW", DAY.minusDays(1)));
    assertThat(late.status()).isEqualTo(201);
    assertThat(late.text("light")).isEqualTo("RED");
  }

  @Test
  void publishedChecklistsChangeOnlyWithARevisionReason() {
    String checklist = newChecklist();
    addItem(checklist, "FGW", DAY.plusDays(30));
    publish(checklist);
    String path = "/api/checklists/" + checklist + "/items";
    badRequest(post(path, INSPECTOR, item("FGW", DAY.plusDays(30))), "revisionReason");
    Map<String, Object> item = new LinkedHashMap<>(item("FGW", DAY.plusDays(30)));
    item.put("revisionReason", "市委新增部署");
    Reply added = post(path, INSPECTOR, item);
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.text("stage")).isEqualTo("LEDGER_REGISTERED");
    assertThat(added.body().path("published").asBoolean()).isTrue();
    Reply detail = get("/api/checklists/" + checklist, AUDITOR);
    assertThat(detail.body().path("revisions").get(0).path("reason").asString())
        .isEqualTo("市委新增部署");
    assertThat(detail.body().path("items").size()).isEqualTo(2);
  }

  @Test
  void actionInput() {
    String itemId = publishedItem("FGW", DAY.plusDays(30));
    badRequest(post("/api/items/" + itemId + "/transitions", INSPECTOR, Map.of("note", "x")), "to");
    badRequest(
        post("/api/items/" + itemId + "/transitions", INSPECTOR, Map.of("to", "DONE")), "to");
    badRequest(
        post(
            "/api/items/" + itemId + "/transitions",
            INSPECTOR,
            Map.of("to", "ASSIGNED", "assignee", "a b")),
        "assignee");
    badRequest(post("/api/items/" + itemId + "/progress", INSPECTOR, Map.of("note", "")), "note");
    badRequest(
        post(
            "/api/items/" + itemId + "/findings",
            INSPECTOR,
            Map.of("description", "d", "severity", "HUGE", "rectifyBy", DAY.toString())),
        "severity");
    badRequest(
        post(
            "/api/items/" + itemId + "/findings",
            INSPECTOR,
            Map.of("description", "d", "severity", "MINOR")),
        "rectifyBy");
    String finding =
        post(
                "/api/items/" + itemId + "/findings",
                INSPECTOR,
                Map.of("description", "d", "severity", "MINOR", "rectifyBy", DAY.toString()))
            .text("id");
    badRequest(post("/api/findings/" + finding + "/rectification", INSPECTOR, Map.of()), "report");
    post("/api/findings/" + finding + "/rectification", INSPECTOR, Map.of("report", "r"));
    badRequest(
        post("/api/findings/" + finding + "/verification", INSPECTOR, Map.of("note", "n")),
        "accepted");
    badRequest(
        post("/api/findings/" + finding + "/verification", INSPECTOR, Map.of("accepted", false)),
        "note");
    badRequest(
        post(
            "/api/items/" + itemId + "/transitions",
            INSPECTOR,
            "{\"to\":\"ASSIGNED\",\"$where\":\"1\"}"),
        "$where");
  }

  @Test
  void aHugeBodyIs413() {
    String huge = "{\"year\":2026,\"scope\":\"CITY\",\"title\":\"" + "x".repeat(1_100_000) + "\"}";
    Reply reply = post("/api/checklists", INSPECTOR, huge);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
  }
}
