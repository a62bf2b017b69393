package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Every endpoint x every role (and no token) -> the expected status. */
class RoleMatrixIT extends EvaluationIT {

  static final Map<String, Supplier<String>> ROLES = new java.util.LinkedHashMap<>();

  static {
    ROLES.put("INSPECTOR", TestTokens::inspector);
    ROLES.put("UNIT_LEAD", TestTokens::leadFgw);
    ROLES.put("EVALUATOR", TestTokens::evaluator);
    ROLES.put("HR", TestTokens::hr);
    ROLES.put("AUDITOR", TestTokens::auditor);
    ROLES.put("ADMIN", TestTokens::admin);
  }

  /** endpoint -> the roles allowed and the status they get. */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("POST /api/cadres", Set.of("ADMIN", "EVALUATOR")),
          Map.entry("GET /api/cadres", Set.of("ADMIN", "EVALUATOR")),
          Map.entry("GET /api/cadres/{id}", Set.of("ADMIN", "EVALUATOR")),
          Map.entry("GET /api/cadres/{id}/evaluations", Set.of("EVALUATOR")),
          Map.entry("POST /api/cadres/import", Set.of("ADMIN", "EVALUATOR")),
          Map.entry("POST /api/cadres/{id}/evaluations", Set.of("EVALUATOR")),
          Map.entry("GET /api/cadres/{id}/dossier", Set.of("HR")),
          Map.entry("GET /api/cadres/{id}/dossier.pdf", Set.of("HR")),
          Map.entry("GET /api/cadres/{id}/promotion-eligibility", Set.of("HR")),
          Map.entry("GET /api/cadres/{id}/award-eligibility", Set.of("HR")),
          Map.entry("POST /api/review-cases", Set.of("HR")),
          Map.entry("GET /api/review-cases", Set.of("HR")),
          Map.entry("GET /api/review-cases/{case}", Set.of("HR")),
          Map.entry("GET /api/access-log", Set.of("AUDITOR")),
          Map.entry("GET /api/access-log/verify", Set.of("AUDITOR")),
          Map.entry("GET /api/access-log/alerts", Set.of("AUDITOR")),
          Map.entry("GET /api/access-log/checkpoints", Set.of("AUDITOR")),
          Map.entry("GET /api/dead-letters/evaluation-service", Set.of("ADMIN")),
          Map.entry("POST /api/dead-letters/evaluation-service/replay", Set.of("ADMIN")));

  static final Map<String, Integer> SUCCESS =
      Map.of(
          "POST /api/cadres",
          201,
          "POST /api/cadres/import",
          201,
          "POST /api/cadres/{id}/evaluations",
          201,
          "POST /api/review-cases",
          201);

  static String sharedCadre;
  static OpenCase promotionCase;
  static OpenCase awardCase;

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (String endpoint : new java.util.TreeSet<>(ALLOWED.keySet())) {
      for (String role : ROLES.keySet()) {
        int expected =
            ALLOWED.get(endpoint).contains(role) ? SUCCESS.getOrDefault(endpoint, 200) : 403;
        cases.add(Arguments.of(endpoint, role, expected));
      }
      cases.add(Arguments.of(endpoint, "anonymous", 401));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("matrix")
  void endpointAnswersByRole(String endpoint, String role, int expected) {
    String cadre = cadre();
    String token = role.equals("anonymous") ? null : ROLES.get(role).get();
    ResponseEntity<String> response = call(endpoint, cadre, token);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(response.getHeaders().getContentType().toString())
          .startsWith("application/problem+json");
    }
  }

  @Test
  void everyFileReadIsLoggedWhateverTheRole() {
    String cadre = registerCadre("logged");
    OpenCase promotion = openCase("PROMOTION", cadre);
    OpenCase award = openCase("AWARD", cadre);
    List<String> fileReads = List.of("dossier", "promotion-eligibility", "award-eligibility");
    Map<String, String> subs = new HashMap<>();
    for (var role : ROLES.entrySet()) {
      for (String read : fileReads) {
        int status =
            get(
                    "/api/cadres/"
                        + cadre
                        + "/"
                        + read
                        + (read.startsWith("award") ? award : promotion).query(),
                    role.getValue().get())
                .getStatusCode()
                .value();
        assertThat(status).isEqualTo(role.getKey().equals("HR") ? 200 : 403);
      }
    }
    subs.put("INSPECTOR", "inspector");
    subs.put("UNIT_LEAD", "lead-fgw");
    subs.put("EVALUATOR", "evaluator");
    subs.put("HR", "hr");
    subs.put("AUDITOR", "auditor");
    subs.put("ADMIN", "admin");

    JsonNode log =
        body(get("/api/access-log?cadreId=" + cadre + "&size=100", TestTokens.auditor()));
    assertThat(log.get("totalElements").asLong()).isEqualTo(18);
    for (var role : ROLES.keySet()) {
      int entries = 0;
      for (JsonNode entry : log.get("content")) {
        if (entry.get("actor").asString().equals(subs.get(role))) {
          entries++;
          assertThat(entry.get("outcome").asInt()).isEqualTo(role.equals("HR") ? 200 : 403);
          assertThat(entry.get("roles").get(0).asString()).isEqualTo(role);
          assertThat(entry.get("purpose").asString())
              .isEqualTo(
                  (entry.get("endpoint").asString().startsWith("award") ? award : promotion)
                      .caseNo());
          assertThat(fileReads).contains(entry.get("endpoint").asString());
          assertThat(entry.get("hash").asString()).hasSize(64);
        }
      }
      assertThat(entries).as(role).isEqualTo(3);
    }
  }

  synchronized String cadre() {
    if (sharedCadre == null) {
      sharedCadre = registerCadre("matrix");
      promotionCase = openCase("PROMOTION", sharedCadre);
      awardCase = openCase("AWARD", sharedCadre);
    }
    return sharedCadre;
  }

  /** The query naming the case a file read is made for ({@code ""} for other endpoints). */
  static String caseQuery(String path) {
    if (!path.startsWith("/api/cadres/" + sharedCadre + "/")) {
      return "";
    }
    return (path.endsWith("award-eligibility") ? awardCase : promotionCase).query();
  }

  ResponseEntity<String> call(String endpoint, String cadre, String token) {
    String auth = token == null ? "none" : token;
    String path =
        endpoint
            .substring(endpoint.indexOf(' ') + 1)
            .replace("{id}", cadre)
            .replace("{case}", promotionCase.id());
    var http = http();
    return switch (endpoint) {
      case "POST /api/cadres" ->
          send(
              path,
              token,
              json.writeValueAsString(
                  Map.of("id", newId("m"), "name", "李四", "unit", "JW", "position", "副处长")));
      case "POST /api/review-cases" ->
          send(
              path,
              token,
              json.writeValueAsString(
                  Map.of(
                      "caseNo",
                      newId("矩阵"),
                      "kind",
                      "AWARD",
                      "title",
                      "评先评优",
                      "candidates",
                      List.of(cadre))));
      case "POST /api/dead-letters/evaluation-service/replay" -> send(path, token, "{}");
      case "POST /api/cadres/{id}/evaluations" ->
          send(path, token, json.writeValueAsString(evaluation(today(), "GOOD", 4)));
      case "POST /api/cadres/import" ->
          token == null
              ? http.post()
                  .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
                  .retrieve()
                  .toEntity(String.class)
              : upload(
                  token,
                  "cadres.csv",
                  ("编号,姓名,单位,职务\n" + newId("imp") + ",王五,CZJ,科员\n")
                      .getBytes(StandardCharsets.UTF_8));
      default ->
          token == null
              ? http.get()
                  .uri(java.net.URI.create("http://127.0.0.1:" + port + path + caseQuery(path)))
                  .retrieve()
                  .toEntity(String.class)
              : get(path + caseQuery(path), auth);
    };
  }

  ResponseEntity<String> send(String path, String token, String body) {
    if (token == null) {
      return http()
          .post()
          .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
          .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
          .body(body)
          .retrieve()
          .toEntity(String.class);
    }
    return post(path, token, body);
  }
}
