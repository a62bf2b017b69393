package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.DemoIdentity;
import gov.supervision.suite.Suite.Answer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of docs/api.md x every demo identity (with its own and another unit), generated
 * from one table: an allowed cell answers 2xx, a cell about something the identity may not know of
 * (another unit's item, to a unit lead) 404 as for an unknown id, every other cell 403. Any extra
 * access fails the build. Mutating cells get fresh fixtures, so each cell tests access, not
 * leftover state.
 */
class AccessMatrixIT {

  static final Suite suite = Suite.get();

  /** Every demo identity of the one list, each a column of the matrix. */
  static final List<String> IDENTITIES = DemoIdentity.ALL.stream().map(DemoIdentity::id).toList();

  /** A fixture: a published checklist with one FGW item, a rectified finding, a cadre. */
  record Fixture(
      String checklistId, String itemId, String findingId, String cadreId, String caseId) {}

  /**
   * One row: the call, who may make it ({@code lead-fgw} stands for the unit lead of the item's own
   * unit, {@code lead-jw} for another unit's), and to whom its subject does not exist (404).
   */
  record Row(
      String name, Set<String> allowed, Set<String> unknownTo, Function<String, Answer> call) {

    Row(String name, Set<String> allowed, Function<String, Answer> call) {
      this(name, allowed, Set.of(), call);
    }
  }

  /** Another unit's items, findings and files do not exist for a unit lead. */
  static final Set<String> OTHER_UNIT = Set.of("lead-jw");

  /** The file reads name the fixture's open review case, which lists its cadre. */
  static String caseQuery() {
    return "?caseId=" + shared().caseId();
  }

  static List<Row> table() {
    Set<String> readers = Set.of("inspector", "admin", "auditor");
    Set<String> itemReaders = Set.of("inspector", "admin", "auditor", "lead-fgw");
    return List.of(
        new Row(
            "POST /api/checklists",
            Set.of("inspector", "admin"),
            who -> suite.post(who, "/api/checklists", checklist())),
        new Row("GET /api/checklists", readers, who -> suite.get(who, "/api/checklists?year=2026")),
        new Row(
            "GET /api/checklists/{id}",
            readers,
            who -> suite.get(who, "/api/checklists/" + shared().checklistId())),
        new Row(
            "POST /api/checklists/{id}/items",
            Set.of("inspector"),
            who -> suite.post(who, "/api/checklists/" + draft() + "/items", item())),
        new Row(
            "POST /api/checklists/{id}/publish",
            Set.of("inspector"),
            who -> suite.post(who, "/api/checklists/" + draftWithItem() + "/publish", Map.of())),
        new Row(
            "GET /api/items?unit=FGW",
            itemReaders,
            who -> suite.get(who, "/api/items?unit=FGW&checklistId=" + shared().checklistId())),
        new Row(
            "GET /api/items/{id}",
            itemReaders,
            OTHER_UNIT,
            who -> suite.get(who, "/api/items/" + shared().itemId())),
        new Row(
            "PUT /api/items/{id} (draft)",
            Set.of("inspector"),
            who -> suite.put(who, "/api/items/" + draftItem(), item())),
        new Row(
            "DELETE /api/items/{id} (draft)",
            Set.of("inspector"),
            who -> suite.delete(who, "/api/items/" + draftItem())),
        new Row(
            "POST /api/items/{id}/transitions",
            Set.of("inspector"),
            who ->
                suite.post(
                    who,
                    "/api/items/" + fresh().itemId() + "/transitions",
                    Map.of("to", "ASSIGNED", "note", "专人盯办"))),
        new Row(
            "POST /api/items/{id}/progress",
            Set.of("inspector", "lead-fgw"),
            OTHER_UNIT,
            who ->
                suite.post(
                    who,
                    "/api/items/" + shared().itemId() + "/progress",
                    Map.of("note", "已召开专题会议"))),
        new Row(
            "POST /api/items/{id}/findings",
            Set.of("inspector"),
            who ->
                suite.post(
                    who,
                    "/api/items/" + shared().itemId() + "/findings",
                    Map.of(
                        "description", "问题",
                        "severity", "MINOR",
                        "rectifyBy", LocalDate.now().plusDays(10).toString()))),
        new Row(
            "POST /api/findings/{id}/rectification",
            Set.of("inspector", "lead-fgw"),
            OTHER_UNIT,
            who ->
                suite.post(
                    who,
                    "/api/findings/" + fresh().findingId() + "/rectification",
                    Map.of("report", "已整改"))),
        new Row(
            "POST /api/items/{id}/attachments",
            Set.of("inspector", "lead-fgw"),
            OTHER_UNIT,
            who ->
                suite.upload(
                    who,
                    "/api/items/" + shared().itemId() + "/attachments",
                    "纪要.pdf",
                    Fixtures.pdf())),
        new Row(
            "POST /api/findings/{id}/attachments",
            Set.of("inspector", "lead-fgw"),
            OTHER_UNIT,
            who ->
                suite.upload(
                    who,
                    "/api/findings/" + shared().findingId() + "/attachments",
                    "整改报告.pdf",
                    Fixtures.pdf())),
        new Row(
            "GET /api/items/{id}/attachments",
            itemReaders,
            OTHER_UNIT,
            who -> suite.get(who, "/api/items/" + shared().itemId() + "/attachments")),
        new Row(
            "GET /api/attachments/{id}",
            itemReaders,
            OTHER_UNIT,
            who -> suite.get(who, "/api/attachments/" + sharedAttachment())),
        new Row(
            "POST /api/findings/{id}/verification",
            Set.of("inspector"),
            who ->
                suite.post(
                    who,
                    "/api/findings/" + rectified() + "/verification",
                    Map.of("accepted", true, "note", "整改到位"))),
        new Row(
            "GET /api/checklists/{id}/statistics",
            readers,
            who -> suite.get(who, "/api/checklists/" + shared().checklistId() + "/statistics")),
        new Row(
            "GET /api/checklists/{id}/statistics.xlsx",
            readers,
            who ->
                suite.get(who, "/api/checklists/" + shared().checklistId() + "/statistics.xlsx")),
        new Row(
            "GET /api/units/{unit}/early-warning",
            Set.of("inspector", "admin"),
            who -> suite.get(who, "/api/units/FGW/early-warning")),
        new Row(
            "GET /api/units/early-warning",
            Set.of("inspector", "admin"),
            who -> suite.get(who, "/api/units/early-warning")),
        new Row(
            "POST /api/cadres",
            Set.of("admin", "evaluator"),
            who -> suite.post(who, "/api/cadres", cadre())),
        new Row(
            "GET /api/cadres?unit=FGW",
            Set.of("admin", "evaluator"),
            who -> suite.get(who, "/api/cadres?unit=FGW&size=5")),
        new Row(
            "GET /api/cadres/{id}/evaluations",
            Set.of("evaluator"),
            who -> suite.get(who, "/api/cadres/" + shared().cadreId() + "/evaluations")),
        new Row(
            "POST /api/cadres/{id}/evaluations",
            Set.of("evaluator"),
            who ->
                suite.post(
                    who, "/api/cadres/" + shared().cadreId() + "/evaluations", evaluation())),
        new Row(
            "GET /api/cadres/{id}/dossier",
            Set.of("hr"),
            who -> suite.get(who, "/api/cadres/" + shared().cadreId() + "/dossier" + caseQuery())),
        new Row(
            "GET /api/cadres/{id}/dossier.pdf",
            Set.of("hr"),
            who ->
                suite.get(who, "/api/cadres/" + shared().cadreId() + "/dossier.pdf" + caseQuery())),
        new Row(
            "GET /api/review-cases/{id}",
            Set.of("hr"),
            who -> suite.get(who, "/api/review-cases/" + shared().caseId())),
        new Row(
            "GET /api/cadres/{id}/promotion-eligibility",
            Set.of("hr"),
            who ->
                suite.get(
                    who,
                    "/api/cadres/" + shared().cadreId() + "/promotion-eligibility" + caseQuery())),
        new Row(
            "GET /api/access-log",
            Set.of("auditor"),
            who -> suite.get(who, "/api/access-log?cadreId=" + shared().cadreId())),
        new Row(
            "GET /api/notifications/inbox",
            Set.copyOf(IDENTITIES),
            who -> suite.get(who, "/api/notifications/inbox")),
        new Row(
            "GET /api/notification-rules",
            Set.of("admin"),
            who -> suite.get(who, "/api/notification-rules")),
        new Row(
            "GET /api/notification-rules/history",
            Set.of("admin"),
            who -> suite.get(who, "/api/notification-rules/history?size=1")),
        deadLetters("checklist-service"),
        deadLetters("evaluation-service"),
        deadLetters("notification-service"),
        replayDeadLetters("checklist-service"),
        replayDeadLetters("evaluation-service"),
        replayDeadLetters("notification-service"));
  }

  /** A service's dead letters awaiting replay: the administrator's alone. */
  static Row deadLetters(String service) {
    String path = "/api/dead-letters/" + service;
    return new Row("GET " + path, Set.of("admin"), who -> suite.get(who, path + "?limit=1"));
  }

  /** The replay of a service's dead letters: the administrator's alone. */
  static Row replayDeadLetters(String service) {
    String path = "/api/dead-letters/" + service + "/replay";
    return new Row("POST " + path, Set.of("admin"), who -> suite.post(who, path, Map.of()));
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointTimesEveryIdentity() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Row row : table()) {
      for (String who : IDENTITIES) {
        boolean allowed = row.allowed().contains(who);
        int refusal = row.unknownTo().contains(who) ? 404 : 403;
        cells.add(
            DynamicTest.dynamicTest(
                row.name() + " as " + who + (allowed ? " -> 2xx" : " -> " + refusal),
                () -> {
                  Answer answer = row.call().apply(who);
                  if (allowed) {
                    assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
                  } else {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(refusal);
                    assertThat(answer.header("Content-Type"))
                        .startsWith("application/problem+json");
                  }
                }));
      }
    }
    return cells.stream();
  }

  @TestFactory
  Stream<DynamicTest> withoutATokenEveryEndpointIs401() {
    return table().stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.name() + " anonymous -> 401",
                    () -> {
                      Answer answer = row.call().apply(null);
                      assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
                    }));
  }

  // ---- fixtures --------------------------------------------------------------------------

  private static Fixture shared;

  static synchronized Fixture shared() {
    if (shared == null) {
      shared = fresh();
    }
    return shared;
  }

  private static String sharedAttachment;

  /** A file uploaded by the inspector for the shared item; its id. */
  static synchronized String sharedAttachment() {
    if (sharedAttachment == null) {
      Answer uploaded =
          suite.upload(
              "inspector",
              "/api/items/" + shared().itemId() + "/attachments",
              "现场核查.pdf",
              Fixtures.pdf());
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
      sharedAttachment = uploaded.id();
    }
    return sharedAttachment;
  }

  static Map<String, Object> checklist() {
    return Map.of("year", 2026, "scope", Suite.uniqueScope(), "title", "矩阵检查清单");
  }

  static Map<String, Object> item() {
    return Fixtures.item("FGW", "lead-fgw", LocalDate.now().plusDays(20), "学习贯彻情况");
  }

  static Map<String, Object> cadre() {
    return Map.of(
        "id", "m-" + UUID.randomUUID().toString().substring(0, 8),
        "name", "李四",
        "unit", "FGW",
        "position", "科长");
  }

  static Map<String, Object> evaluation() {
    Map<String, Object> dimensions = Fixtures.dimensions(4);
    return Map.of(
        "date", LocalDate.now().minusDays(5).toString(),
        "source", "DAILY_SUPERVISION",
        "dimensions", dimensions,
        "conclusion", "GOOD",
        "remarks", "表现良好");
  }

  static String draft() {
    Answer answer = suite.post("inspector", "/api/checklists", checklist());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.id();
  }

  static String draftWithItem() {
    String id = draft();
    addItem(id);
    return id;
  }

  /** An item of a new draft checklist; its id. */
  static String draftItem() {
    return addItem(draft());
  }

  static String addItem(String checklistId) {
    Answer item = suite.post("inspector", "/api/checklists/" + checklistId + "/items", item());
    assertThat(item.status()).as(item.toString()).isEqualTo(201);
    return item.id();
  }

  static Fixture fresh() {
    String checklistId = draftWithItem();
    Answer published =
        suite.post("inspector", "/api/checklists/" + checklistId + "/publish", Map.of());
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    String itemId =
        suite
            .get("inspector", "/api/items?checklistId=" + checklistId)
            .json()
            .get("content")
            .get(0)
            .get("id")
            .asString();
    Answer finding =
        suite.post(
            "inspector",
            "/api/items/" + itemId + "/findings",
            Map.of(
                "description", "问题",
                "severity", "MINOR",
                "rectifyBy", LocalDate.now().plusDays(10).toString()));
    assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
    Map<String, Object> cadre = cadre();
    Answer registered = suite.post("admin", "/api/cadres", cadre);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String cadreId = (String) cadre.get("id");
    Answer opened =
        suite.post(
            "hr",
            "/api/review-cases",
            Fixtures.reviewCase("矩阵-" + cadreId, "PROMOTION", List.of(cadreId)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return new Fixture(checklistId, itemId, finding.id(), cadreId, opened.id());
  }

  static String rectified() {
    String findingId = fresh().findingId();
    Answer answer =
        suite.post(
            "inspector", "/api/findings/" + findingId + "/rectification", Map.of("report", "已整改"));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return findingId;
  }
}
