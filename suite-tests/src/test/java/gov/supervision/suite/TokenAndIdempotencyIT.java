package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.suite.Suite.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Token attacks through the gateway and straight at each service (bypassing the gateway), and
 * {@code Idempotency-Key} on every POST that creates something, on the real processes.
 */
class TokenAndIdempotencyIT {

  static final Suite suite = Suite.get();
  static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  record Door(String name, String baseUrl, String path) {}

  static List<Door> doors() {
    return List.of(
        new Door("gateway", suite.stack.gatewayUrl(), "/api/checklists?year=2026"),
        new Door(
            "checklist-service",
            suite.stack.serviceUrl("checklist-service"),
            "/api/checklists?year=2026"),
        new Door(
            "evaluation-service", suite.stack.serviceUrl("evaluation-service"), "/api/access-log"),
        new Door(
            "notification-service",
            suite.stack.serviceUrl("notification-service"),
            "/api/notifications/inbox"));
  }

  static Map<String, Supplier<String>> attacks() {
    return Map.of(
        "no token", () -> null,
        "garbage", () -> "not.a.token",
        "tampered payload", TokenAndIdempotencyIT::tampered,
        "alg none", TokenAndIdempotencyIT::algNone,
        "wrong key", TokenAndIdempotencyIT::wrongKey);
  }

  @TestFactory
  Stream<DynamicTest> everyDoorRefusesBrokenTokensWith401() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Door door : doors()) {
      String token = door.name().equals("evaluation-service") ? "auditor" : "admin";
      cells.add(
          DynamicTest.dynamicTest(
              door.name() + " with a real token -> 200",
              () -> assertThat(call(door, suite.token(token)).status()).isEqualTo(200)));
      attacks()
          .forEach(
              (name, attack) ->
                  cells.add(
                      DynamicTest.dynamicTest(
                          door.name() + " with " + name + " -> 401",
                          () -> {
                            Answer answer = call(door, attack.get());
                            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
                            assertThat(answer.header("Content-Type"))
                                .startsWith("application/problem+json");
                          })));
    }
    return cells.stream();
  }

  static Answer call(Door door, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(door.baseUrl() + door.path()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return suite.send(request.GET().build());
  }

  /** A real token whose payload was changed (roles raised) after signing. */
  static String tampered() {
    String[] parts = suite.token("auditor").split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("AUDITOR", "ADMIN");
    return parts[0]
        + "."
        + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  /** The payload of a real token, unsigned. */
  static String algNone() {
    String payload = suite.token("admin").split("\\.")[1];
    return URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + payload
        + ".";
  }

  /** The header and payload of a real token, signed by a key nobody trusts. */
  static String wrongKey() {
    try {
      String[] parts = suite.token("admin").split("\\.");
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(generator.generateKeyPair().getPrivate());
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return parts[0] + "." + parts[1] + "." + URL.encodeToString(rsa.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- Idempotency-Key -------------------------------------------------------------------

  record Creation(String name, String client, String path, Object body, Object otherBody) {}

  static List<Creation> creations() {
    String checklistId = suite.draftChecklist("幂等检查");
    String publishedId = suite.draftChecklist("幂等已发布");
    String itemId =
        suite
            .post(
                "inspector",
                "/api/checklists/" + publishedId + "/items",
                Fixtures.item("FGW", "lead-fgw", LocalDate.now().plusDays(20), "幂等事项"))
            .id();
    assertThat(
            suite
                .post("inspector", "/api/checklists/" + publishedId + "/publish", Map.of())
                .status())
        .isEqualTo(200);
    String cadreId = "i-" + UUID.randomUUID().toString().substring(0, 8);
    suite.post(
        "evaluator",
        "/api/cadres",
        Map.of("id", cadreId, "name", "赵六", "unit", "FGW", "position", "科员"));
    String another = "i-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> evaluation =
        Map.of(
            "date", LocalDate.now().minusDays(3).toString(),
            "source", "DAILY_SUPERVISION",
            "dimensions", Fixtures.dimensions(4),
            "conclusion", "GOOD",
            "remarks", "良好");
    return List.of(
        new Creation(
            "POST /api/checklists",
            "inspector",
            "/api/checklists",
            Map.of("year", 2026, "scope", Suite.uniqueScope(), "title", "幂等清单"),
            Map.of("year", 2026, "scope", Suite.uniqueScope(), "title", "另一个清单")),
        new Creation(
            "POST /api/checklists/{id}/items",
            "inspector",
            "/api/checklists/" + checklistId + "/items",
            Fixtures.item("FGW", "lead-fgw", LocalDate.now().plusDays(20), "幂等事项甲"),
            Fixtures.item("FGW", "lead-fgw", LocalDate.now().plusDays(20), "幂等事项乙")),
        new Creation(
            "POST /api/items/{id}/progress",
            "inspector",
            "/api/items/" + itemId + "/progress",
            Map.of("note", "进展一"),
            Map.of("note", "进展二")),
        new Creation(
            "POST /api/items/{id}/findings",
            "inspector",
            "/api/items/" + itemId + "/findings",
            Map.of(
                "description",
                "问题甲",
                "severity",
                "MINOR",
                "rectifyBy",
                LocalDate.now().plusDays(9).toString()),
            Map.of(
                "description",
                "问题乙",
                "severity",
                "MINOR",
                "rectifyBy",
                LocalDate.now().plusDays(9).toString())),
        new Creation(
            "POST /api/cadres",
            "evaluator",
            "/api/cadres",
            Map.of("id", another, "name", "钱七", "unit", "JW", "position", "科员"),
            Map.of("id", another + "x", "name", "孙八", "unit", "JW", "position", "科员")),
        new Creation(
            "POST /api/cadres/{id}/evaluations",
            "evaluator",
            "/api/cadres/" + cadreId + "/evaluations",
            evaluation,
            Map.of(
                "date", LocalDate.now().minusDays(2).toString(),
                "source", "DAILY_SUPERVISION",
                "dimensions", Fixtures.dimensions(5),
                "conclusion", "EXCELLENT",
                "remarks", "优秀")));
  }

  @Test
  void theSameKeyAndBodyGiveTheSameAnswerAndOneResourceAnotherBodyIs422() {
    for (Creation creation : creations()) {
      String key = "idem-" + UUID.randomUUID();
      Answer first = post(creation, creation.body(), key);
      Answer again = post(creation, creation.body(), key);
      assertThat(first.status()).as(creation.name() + " " + first).isEqualTo(201);
      assertThat(again.status()).as(creation.name()).isEqualTo(201);
      assertThat(again.body()).as(creation.name() + ": the same answer").isEqualTo(first.body());

      Answer other = post(creation, creation.otherBody(), key);
      assertThat(other.status()).as(creation.name() + " " + other).isEqualTo(422);
      assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    }
    // one resource: the replayed checklist creation did not make a second checklist
    Creation checklist = creations().get(0);
    String key = "idem-" + UUID.randomUUID();
    String id = post(checklist, checklist.body(), key).id();
    assertThat(post(checklist, checklist.body(), key).id()).isEqualTo(id);
    assertThat(suite.get("inspector", "/api/checklists/" + id).status()).isEqualTo(200);
  }

  static Answer post(Creation creation, Object body, String key) {
    return suite.send(
        suite
            .authorized(creation.client(), creation.path())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(Suite.JSON.writeValueAsString(body)))
            .build());
  }
}
