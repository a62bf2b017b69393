package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class DossierIT extends EvaluationIT {

  static final String PURPOSE = "晋升审查 2026-017";

  static String q(String purpose) {
    return URLEncoder.encode(purpose, StandardCharsets.UTF_8);
  }

  @Test
  void hrReadsTheWholeFileWithVetoReasonsAndSupersededRecordsMarked() {
    String cadre = registerCadre("dossier");
    String good = recordEvaluation(cadre, evaluation("2026-01-05", "GOOD", 4));
    Map<String, Object> bad = evaluation("2026-01-06", "UNQUALIFIED", 1);
    String unqualified = recordEvaluation(cadre, bad);
    Map<String, Object> correction = evaluation("2026-01-07", "QUALIFIED", 3);
    correction.put("supersedes", good);
    correction.put("correctionReason", "评分录入错误 wrong scores entered");
    String corrected = recordEvaluation(cadre, correction);

    ResponseEntity<String> response =
        get("/api/cadres/" + cadre + "/dossier?purpose=" + q(PURPOSE), TestTokens.hr());

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode dossier = body(response);
    assertThat(dossier.get("cadre").get("id").asString()).isEqualTo(cadre);
    assertThat(dossier.get("records")).hasSize(3);
    JsonNode first = find(dossier.get("records"), good);
    assertThat(first.get("superseded").asBoolean()).isTrue();
    assertThat(first.get("supersededBy").asString()).isEqualTo(corrected);
    assertThat(find(dossier.get("records"), corrected).get("superseded").asBoolean()).isFalse();
    assertThat(dossier.get("veto").get("vetoed").asBoolean()).isTrue();
    JsonNode reason = dossier.get("veto").get("reasons").get(0);
    assertThat(reason.get("recordId").asString()).isEqualTo(unqualified);
    assertThat(reason.get("evaluator").asString()).isEqualTo("evaluator");
    assertThat(reason.get("date").asString()).isEqualTo("2026-01-06");
    assertThat(reason.get("conclusion").asString()).isEqualTo("UNQUALIFIED");
    assertThat(dossier.get("awardVeto").get("vetoed").asBoolean()).isTrue();
    assertThat(dossier.get("dimensionSummary").get("latest").get("POLITICAL_STANCE").asInt())
        .isEqualTo(3);
    assertThat(dossier.get("linkedFindings")).isEmpty();

    JsonNode promotion =
        body(
            get(
                "/api/cadres/" + cadre + "/promotion-eligibility?purpose=" + q(PURPOSE),
                TestTokens.hr()));
    assertThat(promotion.get("eligible").asBoolean()).isFalse();
    assertThat(promotion.get("vetoed").asBoolean()).isTrue();
    assertThat(promotion.get("reasons").get(0).get("recordId").asString()).isEqualTo(unqualified);

    Map<String, Object> lift = evaluation("2026-01-08", "GOOD", 4);
    lift.put("supersedes", unqualified);
    lift.put("correctionReason", "复核撤销 overturned on review");
    recordEvaluation(cadre, lift);
    JsonNode award =
        body(
            get(
                "/api/cadres/" + cadre + "/award-eligibility?purpose=" + q(PURPOSE),
                TestTokens.hr()));
    assertThat(award.get("eligible").asBoolean()).isTrue();
    assertThat(award.get("reasons")).isEmpty();
  }

  @Test
  void purposeIsRequiredAndCheckedAndEveryOutcomeIsLogged() {
    String cadre = registerCadre("purpose");
    String base = "/api/cadres/" + cadre + "/dossier";
    assertProblem(get(base, TestTokens.hr()), 400, "purpose");
    assertProblem(get(base + "?purpose=ab", TestTokens.hr()), 400, "purpose");
    assertProblem(get(base + "?purpose=" + "x".repeat(201), TestTokens.hr()), 400, "purpose");
    assertProblem(get(base + "?purpose=" + q("{\"$ne\":1}"), TestTokens.hr()), 400, "purpose");
    assertProblem(
        get(base + "?purpose=" + q("<script>x</script>"), TestTokens.hr()), 400, "purpose");
    assertThat(get(base + "?purpose=abc", TestTokens.hr()).getStatusCode().value()).isEqualTo(200);
    assertThat(get(base + "?purpose=abc", TestTokens.evaluator()).getStatusCode().value())
        .isEqualTo(403);
    assertThat(get(base + "?purpose=abc", TestTokens.auditor()).getStatusCode().value())
        .isEqualTo(403);

    JsonNode log = body(get("/api/access-log?cadreId=" + cadre, TestTokens.auditor()));
    assertThat(log.get("totalElements").asLong()).isEqualTo(8);
    JsonNode newest = log.get("content").get(0);
    assertThat(newest.get("actor").asString()).isEqualTo("auditor");
    assertThat(newest.get("outcome").asInt()).isEqualTo(403);
    assertThat(newest.get("endpoint").asString()).isEqualTo("dossier");
    assertThat(newest.get("roles").get(0).asString()).isEqualTo("AUDITOR");
    JsonNode ok = log.get("content").get(2);
    assertThat(ok.get("actor").asString()).isEqualTo("hr");
    assertThat(ok.get("outcome").asInt()).isEqualTo(200);
    assertThat(ok.get("purpose").asString()).isEqualTo("abc");
    assertThat(log.get("content").get(7).get("outcome").asInt()).isEqualTo(400);
    assertThat(log.get("content").get(7).get("purpose").isNull()).isTrue();
  }

  @Test
  void unknownCadreIs404AndLogged_badIdIs400AndLogged() {
    String unknown = newId("nobody");
    assertProblem(
        get("/api/cadres/" + unknown + "/promotion-eligibility?purpose=abc", TestTokens.hr()),
        404,
        null);
    JsonNode log = body(get("/api/access-log?cadreId=" + unknown, TestTokens.auditor()));
    assertThat(log.get("content")).hasSize(1);
    assertThat(log.get("content").get(0).get("outcome").asInt()).isEqualTo(404);
    assertThat(log.get("content").get(0).get("endpoint").asString())
        .isEqualTo("promotion-eligibility");

    assertProblem(
        get("/api/cadres/a%24ne/award-eligibility?purpose=abc", TestTokens.hr()), 400, "id");
    JsonNode byActor = body(get("/api/access-log?actor=hr&size=1", TestTokens.auditor()));
    assertThat(byActor.get("content").get(0).get("cadreId").asString()).isEqualTo("a$ne");
    assertThat(byActor.get("content").get(0).get("outcome").asInt()).isEqualTo(400);
  }

  @Test
  void accessLogFiltersByTimeAndRefusesBadFilters() {
    String cadre = registerCadre("window");
    get("/api/cadres/" + cadre + "/dossier?purpose=abc", TestTokens.hr());
    String today = today();
    JsonNode inside =
        body(
            get(
                "/api/access-log?cadreId=" + cadre + "&from=" + today + "&to=" + today,
                TestTokens.auditor()));
    assertThat(inside.get("totalElements").asLong()).isEqualTo(1);
    JsonNode before =
        body(get("/api/access-log?cadreId=" + cadre + "&to=2020-01-01", TestTokens.auditor()));
    assertThat(before.get("totalElements").asLong()).isZero();
    assertProblem(get("/api/access-log?from=yesterday", TestTokens.auditor()), 400, "from");
    assertProblem(
        get("/api/access-log?cadreId=" + q("{\"$gt\":\"\"}"), TestTokens.auditor()),
        400,
        "cadreId");
  }

  static JsonNode find(JsonNode records, String id) {
    for (JsonNode r : records) {
      if (r.get("id").asString().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no record " + id);
  }

  void assertProblem(ResponseEntity<String> response, int status, String field) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    if (field != null) {
      assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
  }
}
