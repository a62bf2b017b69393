package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** HR opens review cases, adds candidates while open and closes them; case numbers are unique. */
class ReviewCaseIT extends EvaluationIT {

  Map<String, Object> caseBody(String caseNo, String kind, List<String> candidates) {
    return Map.of("caseNo", caseNo, "kind", kind, "title", "2026年度评先评优", "candidates", candidates);
  }

  @Test
  void hrOpensACaseAddsACandidateAndClosesIt() {
    String first = registerCadre("cand");
    String second = registerCadre("cand");
    String caseNo = newId("组干〔2026〕");

    ResponseEntity<String> opened =
        post("/api/review-cases", TestTokens.hr(), caseBody(caseNo, "AWARD", List.of(first)));

    assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
    JsonNode c = body(opened);
    String id = c.get("id").asString();
    assertThat(opened.getHeaders().getLocation()).hasToString("/api/review-cases/" + id);
    assertThat(c.get("caseNo").asString()).isEqualTo(caseNo);
    assertThat(c.get("kind").asString()).isEqualTo("AWARD");
    assertThat(c.get("kindLabel").asString()).isEqualTo("评先评优");
    assertThat(c.get("title").asString()).isEqualTo("2026年度评先评优");
    assertThat(c.get("status").asString()).isEqualTo("OPEN");
    assertThat(c.get("candidates").get(0).asString()).isEqualTo(first);
    assertThat(c.get("candidateDetails").get(0).get("name").asString()).isEqualTo("张三");
    assertThat(c.get("openedBy").asString()).isEqualTo("hr");
    assertThat(c.get("openedAt").asString()).isNotBlank();

    JsonNode added =
        body(
            post(
                "/api/review-cases/" + id + "/candidates",
                TestTokens.hr(),
                Map.of("cadreId", second)));
    assertThat(added.get("candidates")).hasSize(2);
    assertThat(
            post(
                    "/api/review-cases/" + id + "/candidates",
                    TestTokens.hr(),
                    Map.of("cadreId", second))
                .getStatusCode()
                .value())
        .isEqualTo(409);
    assertProblem(
        post(
            "/api/review-cases/" + id + "/candidates",
            TestTokens.hr(),
            Map.of("cadreId", newId("ghost"))),
        400,
        "cadreId");

    assertThat(ids(get("/api/review-cases?status=OPEN", TestTokens.hr()))).contains(id);
    JsonNode closed = body(post("/api/review-cases/" + id + "/close", TestTokens.hr(), ""));
    assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("closedBy").asString()).isEqualTo("hr");
    assertThat(ids(get("/api/review-cases?status=OPEN", TestTokens.hr()))).doesNotContain(id);
    assertThat(ids(get("/api/review-cases?status=CLOSED", TestTokens.hr()))).contains(id);
    assertThat(body(get("/api/review-cases/" + id, TestTokens.hr())).get("status").asString())
        .isEqualTo("CLOSED");

    ResponseEntity<String> again = post("/api/review-cases/" + id + "/close", TestTokens.hr(), "");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(body(again).get("type").asString()).isEqualTo("urn:supervision:problem:case-closed");
    ResponseEntity<String> late =
        post(
            "/api/review-cases/" + id + "/candidates",
            TestTokens.hr(),
            Map.of("cadreId", registerCadre("late")));
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(body(late).get("type").asString()).isEqualTo("urn:supervision:problem:case-closed");
  }

  @Test
  void aTakenCaseNumberIs409() {
    String cadre = registerCadre("dup");
    String caseNo = newId("2026-干部选拔");
    assertThat(
            post(
                    "/api/review-cases",
                    TestTokens.hr(),
                    caseBody(caseNo, "PROMOTION", List.of(cadre)))
                .getStatusCode()
                .value())
        .isEqualTo(201);

    ResponseEntity<String> taken =
        post("/api/review-cases", TestTokens.hr(), caseBody(caseNo, "AWARD", List.of()));

    assertProblem(taken, 409, "caseNo");
    assertThat(body(taken).get("type").asString())
        .isEqualTo("urn:supervision:problem:case-no-taken");
    assertThat(
            body(get("/api/review-cases", TestTokens.hr())).findValuesAsString("caseNo").stream()
                .filter(caseNo::equals))
        .hasSize(1);
  }

  @Test
  void badInputNamesItsFieldAndStoresNothing() {
    String cadre = registerCadre("bad");
    String ghost = newId("ghost");
    String caseNo = newId("case");
    assertProblem(
        post(
            "/api/review-cases",
            TestTokens.hr(),
            caseBody(caseNo, "PROMOTION", List.of(cadre, ghost))),
        400,
        "candidates[1]");
    assertProblem(
        post("/api/review-cases", TestTokens.hr(), caseBody(caseNo, "TRANSFER", List.of(cadre))),
        400,
        "kind");
    assertProblem(
        post(
            "/api/review-cases",
            TestTokens.hr(),
            caseBody("{\"$gt\":\"\"}", "PROMOTION", List.of(cadre))),
        400,
        "caseNo");
    assertProblem(
        post(
            "/api/review-cases",
            TestTokens.hr(),
            caseBody(caseNo, "PROMOTION", List.of(cadre, cadre))),
        400,
        "candidates[1]");
    assertThat(body(get("/api/review-cases", TestTokens.hr())).findValuesAsString("caseNo"))
        .doesNotContain(caseNo);
    assertProblem(get("/api/review-cases?status=PENDING", TestTokens.hr()), 400, "status");
    assertProblem(get("/api/review-cases/" + newId("none"), TestTokens.hr()), 404, null);
  }

  @Test
  void onlyHrWorksWithCases() {
    String cadre = registerCadre("role");
    for (String token : List.of(TestTokens.evaluator(), TestTokens.auditor(), TestTokens.admin())) {
      assertProblem(
          post("/api/review-cases", token, caseBody(newId("case"), "PROMOTION", List.of(cadre))),
          403,
          null);
      assertProblem(get("/api/review-cases", token), 403, null);
    }
  }

  List<String> ids(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return body(response).findValuesAsString("id");
  }
}
