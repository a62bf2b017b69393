package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.suite.Suite.Answer;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.JsonNode;

/**
 * Property-based fuzzing of every POST/PUT endpoint through the gateway with random and hostile
 * JSON (wrong types, huge strings, deep nesting, {@code $} operators, dotted keys, unicode, nulls):
 * never a 5xx, always problem+json for an error, never a stack trace or class name, and the stored
 * data stays consistent afterwards.
 */
class HostileInputFuzzIT {

  static final Suite suite = Suite.get();
  static final AtomicInteger requests = new AtomicInteger();
  static Fixture fixture;

  record Fixture(
      String draftId, String draftItemId, String itemId, String findingId, String cadreId) {}

  record Target(String client, String method, String path) {}

  static synchronized Fixture fixture() {
    if (fixture == null) {
      Map<String, Object> item =
          Fixtures.item("FGW", "lead-fgw", LocalDate.now().plusDays(9), "模糊测试");
      String published = suite.draftChecklist("模糊");
      String itemId = suite.post("inspector", "/api/checklists/" + published + "/items", item).id();
      suite.post("inspector", "/api/checklists/" + published + "/publish", Map.of());
      String findingId =
          suite
              .post(
                  "inspector",
                  "/api/items/" + itemId + "/findings",
                  Map.of(
                      "description", "问题",
                      "severity", "MINOR",
                      "rectifyBy", LocalDate.now().plusDays(5).toString()))
              .id();
      String draft = suite.draftChecklist("草稿");
      String draftItemId =
          suite.post("inspector", "/api/checklists/" + draft + "/items", item).id();
      String cadreId = "f-" + UUID.randomUUID().toString().substring(0, 8);
      suite.post(
          "evaluator",
          "/api/cadres",
          Map.of("id", cadreId, "name", "王五", "unit", "FGW", "position", "干部"));
      fixture = new Fixture(draft, draftItemId, itemId, findingId, cadreId);
    }
    return fixture;
  }

  @Provide
  Arbitrary<Target> targets() {
    Fixture f = fixture();
    return Arbitraries.of(
        new Target("inspector", "POST", "/api/checklists"),
        new Target("inspector", "POST", "/api/checklists/" + f.draftId() + "/items"),
        new Target("inspector", "PUT", "/api/items/" + f.draftItemId()),
        new Target("inspector", "POST", "/api/items/" + f.itemId() + "/transitions"),
        new Target("inspector", "POST", "/api/items/" + f.itemId() + "/progress"),
        new Target("inspector", "POST", "/api/items/" + f.itemId() + "/findings"),
        new Target("lead-fgw", "POST", "/api/findings/" + f.findingId() + "/rectification"),
        new Target("inspector", "POST", "/api/findings/" + f.findingId() + "/verification"),
        new Target("evaluator", "POST", "/api/cadres"),
        new Target("evaluator", "POST", "/api/cadres/" + f.cadreId() + "/evaluations"),
        new Target("admin", "PUT", "/api/notification-rules"));
  }

  static final List<String> KEYS =
      List.of(
          "year",
          "scope",
          "title",
          "focusArea",
          "content",
          "requirements",
          "responsibleUnit",
          "responsiblePerson",
          "method",
          "dueDate",
          "reportEvery",
          "to",
          "note",
          "assignee",
          "description",
          "severity",
          "cadreId",
          "rectifyBy",
          "report",
          "accepted",
          "id",
          "name",
          "unit",
          "position",
          "date",
          "source",
          "dimensions",
          "conclusion",
          "remarks",
          "POLITICAL_JUDGMENT",
          "$where",
          "$gt",
          "$ne",
          "a.b",
          "__proto__",
          "constructor",
          "",
          "键",
          "rules",
          "type",
          "channels");

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, json(4).map(Suite.JSON::writeValueAsString)),
        net.jqwik.api.Tuple.of(1, deepNesting()),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.of("null", "[]", "{}", "\"\"", "0", "{\"a\":", "\u0000")));
  }

  Arbitrary<Object> json(int depth) {
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
            Arbitraries.strings()
                .withCharRange('\u4e00', '\u9fa5')
                .ofMaxLength(20)
                .map(s -> (Object) s),
            Arbitraries.of(
                    "FGW",
                    "CITY",
                    "ASSIGNED",
                    "CLOSED",
                    "MAJOR",
                    "UNQUALIFIED",
                    "2026-02-30",
                    "2026-12-31",
                    "9999-99-99",
                    "\uD83D\uDE00",
                    "<script>alert(1)</script>",
                    "'; db.dropDatabase(); //",
                    "${jndi:ldap://x}")
                .map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just("x".repeat(100_000)).map(s -> (Object) s),
            Arbitraries.just((Object) null).injectNull(1.0));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> object =
        Arbitraries.maps(Arbitraries.of(KEYS), json(depth - 1)).ofMaxSize(8).map(m -> (Object) m);
    Arbitrary<Object> array = json(depth - 1).list().ofMaxSize(5).map(l -> (Object) l);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar),
        net.jqwik.api.Tuple.of(4, object),
        net.jqwik.api.Tuple.of(1, array));
  }

  Arbitrary<String> deepNesting() {
    return Arbitraries.integers()
        .between(50, 3_000)
        .map(n -> "{\"title\":".repeat(n) + "1" + "}".repeat(n));
  }

  @Property(tries = 10_000, shrinking = net.jqwik.api.ShrinkingMode.OFF)
  void hostileBodiesNeverBreakAService(
      @ForAll("targets") Target target, @ForAll("bodies") String body) {
    requests.incrementAndGet();
    HttpRequest request =
        suite
            .authorized(target.client(), target.path())
            .header("Content-Type", "application/json")
            .method(target.method(), HttpRequest.BodyPublishers.ofString(body))
            .build();
    Answer answer = suite.send(request);
    assertThat(answer.status())
        .as(target + " " + abbreviate(body) + " -> " + answer)
        .isLessThan(500);
    if (answer.status() >= 400) {
      assertThat(answer.header("Content-Type"))
          .as(answer.toString())
          .startsWith("application/problem+json");
      assertThat(answer.body())
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain("java.")
          .doesNotContain("org.springframework")
          .doesNotContain("gov.supervision.");
    }
  }

  @AfterContainer
  static void storedDataIsConsistent() {
    assertThat(requests.get()).isGreaterThanOrEqualTo(10_000);
    JsonNode checklist = suite.get("inspector", "/api/checklists/" + fixture().draftId()).json();
    for (JsonNode item : checklist.get("items")) {
      for (String field :
          List.of(
              "id",
              "focusArea",
              "content",
              "responsibleUnit",
              "responsiblePerson",
              "method",
              "dueDate")) {
        assertThat(item.hasNonNull(field)).as("item " + item + " has " + field).isTrue();
      }
      assertThat(item.get("responsibleUnit").asString()).matches("[A-Z]{2,10}");
    }
    JsonNode rules = suite.get("admin", "/api/notification-rules").json();
    assertThat(rules.toString()).contains("ITEM_OVERDUE").contains("CADRE_VETOED");
    JsonNode item = suite.get("inspector", "/api/items/" + fixture().itemId()).json();
    assertThat(item.get("stage").asString()).isNotBlank();
    noOrphanEvents();
  }

  /**
   * Every event checklist-service put on its topic so far names something that is stored: an event
   * without its change would show up here as a subject the service does not know.
   */
  static void noOrphanEvents() {
    java.util.Set<String> items = new java.util.HashSet<>();
    java.util.Set<String> checklists = new java.util.HashSet<>();
    try (var consumer = suite.consumerFromEarliest()) {
      consumer.subscribe(List.of(gov.supervision.contracts.Topics.CHECKLIST));
      int quietPolls = 0;
      while (quietPolls < 3) {
        var records = consumer.poll(java.time.Duration.ofSeconds(1));
        quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
        records.forEach(
            r -> {
              if (!"/checklist-service".equals(Suite.header(r, "ce_source"))) {
                return; // written straight onto the topic by a test (FaultsIT's poison record)
              }
              String ceType = String.valueOf(Suite.header(r, "ce_type"));
              if (ceType.startsWith("gov.supervision.item.")
                  || ceType.startsWith("gov.supervision.finding.")) {
                items.add(r.key());
              } else if (ceType.startsWith("gov.supervision.checklist.")) {
                checklists.add(r.key());
              }
            });
      }
    }
    assertThat(items).as("item events were published").isNotEmpty();
    for (String id : items) {
      assertThat(suite.get("inspector", "/api/items/" + id).status())
          .as("item " + id)
          .isEqualTo(200);
    }
    for (String id : checklists) {
      assertThat(suite.get("inspector", "/api/checklists/" + id).status())
          .as("checklist " + id)
          .isEqualTo(200);
    }
  }

  static String abbreviate(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
