package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.suite.Suite.Answer;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzing of every POST/PUT endpoint through the gateway with 10,000 seeded random and hostile
 * bodies ({@link HostileBodies}: wrong types, huge strings, deep nesting, {@code $} operators,
 * dotted keys, unicode, nulls): never a 5xx, always problem+json for an error, never a stack trace
 * or class name; every change a service accepted reads back exactly as answered, and nothing a
 * refused request did is stored (every resource a target can change reads at the end exactly as
 * after its last accepted change, every collection counts only what was accepted, every event on
 * the topic names something stored). A failure names its seed; {@code -Dfuzz.seed=<seed>} replays
 * the same run ({@code -Dfuzz.requests=} changes its length).
 */
@Tag("slow")
class HostileInputFuzzIT {

  static final String SEED_PROPERTY = "fuzz.seed";
  static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
  static final Suite suite = Suite.get();

  record Fixture(
      String draftId, String draftItemId, String itemId, String findingId, String cadreId) {}

  record Target(String client, String method, String path) {}

  static Fixture fixture() {
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
    String draftItemId = suite.post("inspector", "/api/checklists/" + draft + "/items", item).id();
    String cadreId = "f-" + UUID.randomUUID().toString().substring(0, 8);
    suite.post(
        "evaluator",
        "/api/cadres",
        Map.of("id", cadreId, "name", "王五", "unit", "FGW", "position", "干部"));
    return new Fixture(draft, draftItemId, itemId, findingId, cadreId);
  }

  /** Every POST/PUT endpoint that takes a JSON body, called by a caller it lets in. */
  static List<Target> targets(Fixture f) {
    return List.of(
        new Target("inspector", "POST", "/api/checklists"),
        new Target("inspector", "POST", "/api/checklists/" + f.draftId() + "/items"),
        new Target("inspector", "PUT", "/api/items/" + f.draftItemId()),
        new Target("inspector", "POST", "/api/items/" + f.itemId() + "/transitions"),
        new Target("inspector", "POST", "/api/items/" + f.itemId() + "/progress"),
        new Target("inspector", "POST", "/api/items/" + f.itemId() + "/findings"),
        new Target("inspector", "POST", "/api/items/" + f.itemId() + "/attachments"),
        new Target("lead-fgw", "POST", "/api/findings/" + f.findingId() + "/attachments"),
        new Target("lead-fgw", "POST", "/api/findings/" + f.findingId() + "/rectification"),
        new Target("inspector", "POST", "/api/findings/" + f.findingId() + "/verification"),
        new Target("evaluator", "POST", "/api/cadres"),
        new Target("evaluator", "POST", "/api/cadres/" + f.cadreId() + "/evaluations"),
        new Target("admin", "PUT", "/api/notification-rules"));
  }

  static long seed() {
    String given = System.getProperty(SEED_PROPERTY);
    return given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given);
  }

  @Test
  void hostileBodiesNeverBreakAService() {
    long seed = seed();
    System.out.println("HostileInputFuzzIT: -D" + SEED_PROPERTY + "=" + seed);
    Fixture fixture = fixture();
    List<Target> targets = targets(fixture);
    SplittableRandom choice = new SplittableRandom(seed);
    HostileBodies bodies = new HostileBodies(seed);
    Map<Target, Integer> sent = new LinkedHashMap<>();
    Map<Target, Integer> accepted = new LinkedHashMap<>();
    StoredState state = storedState(fixture);
    for (int n = 1; n <= REQUESTS; n++) {
      Target target = targets.get(choice.nextInt(targets.size()));
      String body = bodies.next();
      try {
        Answer answer = sendHostile(target, body);
        if (answer.status() < 300) {
          accepted.merge(target, 1, Integer::sum);
          recordAccepted(fixture, target, answer, state);
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "request "
                + n
                + " of the run with seed "
                + seed
                + " failed (replay: -D"
                + SEED_PROPERTY
                + "="
                + seed
                + "): "
                + e.getMessage(),
            e);
      }
      sent.merge(target, 1, Integer::sum);
    }
    assertThat(sent.values().stream().mapToInt(Integer::intValue).sum())
        .isGreaterThanOrEqualTo(Math.min(REQUESTS, 10_000));
    assertThat(sent.keySet())
        .as("every endpoint was hit")
        .containsExactlyInAnyOrderElementsOf(targets);
    System.out.println("HostileInputFuzzIT: accepted " + accepted);
    storedDataIsConsistent(fixture);
    state.assertNothingElseStored();
  }

  /** Everything a target can change, read before the run. */
  static StoredState storedState(Fixture f) {
    return new StoredState(suite)
        .count("inspector", "/api/checklists")
        .count("evaluator", "/api/cadres")
        .watch("inspector", "/api/checklists/" + f.draftId())
        .watch("inspector", "/api/items/" + f.draftItemId())
        .watch("inspector", "/api/items/" + f.itemId())
        .watch("inspector", "/api/items/" + f.itemId() + "/attachments")
        .watch("evaluator", "/api/cadres/" + f.cadreId())
        .watch("evaluator", "/api/cadres/" + f.cadreId() + "/evaluations")
        .watch("admin", "/api/notification-rules");
  }

  /**
   * A change a service accepted: what it changed reads back exactly as answered, one entry more
   * where it adds one (a history entry, an item, a record), nothing else moved.
   */
  static void recordAccepted(Fixture f, Target target, Answer answer, StoredState state) {
    String path = target.path();
    String draftChecklist = "/api/checklists/" + f.draftId();
    String draftItem = "/api/items/" + f.draftItemId();
    String item = "/api/items/" + f.itemId();
    String cadre = "/api/cadres/" + f.cadreId();
    if (path.equals("/api/checklists")) {
      state.created(path);
      state.readsAsAnswered("inspector", path + "/" + answer.id(), answer);
    } else if (path.equals("/api/cadres")) {
      state.created(path);
      state.readsAsAnswered("evaluator", path + "/" + answer.id(), answer);
    } else if (path.equals(draftChecklist + "/items")) {
      state.changed(draftChecklist, "items", 1, false);
      state.readsAsAnswered("inspector", "/api/items/" + answer.id(), answer);
    } else if (path.equals(draftItem)) {
      assertThat(state.changed(draftItem, "history", 1, true))
          .isEqualTo(StoredState.asStored(answer.json()));
      state.changed(draftChecklist, "items", 0, false);
    } else if (path.endsWith("/attachments")) {
      state.changed(item + "/attachments", null, 1, true);
      state.changed(item, "history", 0, true);
    } else if (path.startsWith(item) || path.startsWith("/api/findings/" + f.findingId())) {
      JsonNode now = state.changed(item, "history", 1, true);
      if (answer.json().has("history")) {
        assertThat(now).as("the item as accepted").isEqualTo(StoredState.asStored(answer.json()));
      } else {
        assertThat(now.get("findings"))
            .as("the finding as accepted")
            .contains(StoredState.asStored(answer.json()));
      }
    } else if (path.equals(cadre + "/evaluations")) {
      JsonNode now = state.changed(path, "records", 1, false);
      JsonNode record = StoredState.asStored(answer.json());
      assertThat(now.get("records"))
          .as("the record as accepted")
          .anySatisfy(
              r ->
                  record
                      .propertyNames()
                      .forEach(
                          field -> {
                            if (!field.startsWith("superseded")) {
                              assertThat(r.get(field)).as(field).isEqualTo(record.get(field));
                            }
                          }));
      state.reread(cadre);
    } else if (path.equals("/api/notification-rules")) {
      assertThat(state.changed(path, "history", 1, true))
          .isEqualTo(StoredState.asStored(answer.json()));
    } else {
      throw new AssertionError("no stored state known for " + target + ": " + answer);
    }
  }

  static Answer sendHostile(Target target, String body) {
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
    return answer;
  }

  static void storedDataIsConsistent(Fixture fixture) {
    JsonNode checklist = suite.get("inspector", "/api/checklists/" + fixture.draftId()).json();
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
    JsonNode item = suite.get("inspector", "/api/items/" + fixture.itemId()).json();
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
