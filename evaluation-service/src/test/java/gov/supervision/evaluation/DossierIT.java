package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class DossierIT extends EvaluationIT {

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
    OpenCase promotion = openCase("PROMOTION", cadre);

    ResponseEntity<String> response =
        get("/api/cadres/" + cadre + "/dossier" + promotion.query(), TestTokens.hr());

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode dossier = body(response);
    assertThat(dossier.get("purpose").asString()).isEqualTo(promotion.caseNo());
    assertThat(dossier.get("reviewCase").get("id").asString()).isEqualTo(promotion.id());
    assertThat(dossier.get("reviewCase").get("kind").asString()).isEqualTo("PROMOTION");
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

    JsonNode eligibility =
        body(
            get(
                "/api/cadres/" + cadre + "/promotion-eligibility" + promotion.query(),
                TestTokens.hr()));
    assertThat(eligibility.get("eligible").asBoolean()).isFalse();
    assertThat(eligibility.get("vetoed").asBoolean()).isTrue();
    assertThat(eligibility.get("caseId").asString()).isEqualTo(promotion.id());
    assertThat(eligibility.get("reasons").get(0).get("recordId").asString()).isEqualTo(unqualified);

    Map<String, Object> lift = evaluation("2026-01-08", "GOOD", 4);
    lift.put("supersedes", unqualified);
    lift.put("correctionReason", "复核撤销 overturned on review");
    recordEvaluation(cadre, lift);
    OpenCase award = openCase("AWARD", cadre);
    JsonNode awardAnswer =
        body(get("/api/cadres/" + cadre + "/award-eligibility" + award.query(), TestTokens.hr()));
    assertThat(awardAnswer.get("eligible").asBoolean()).isTrue();
    assertThat(awardAnswer.get("kind").asString()).isEqualTo("AWARD");
    assertThat(awardAnswer.get("purpose").asString()).isEqualTo(award.caseNo());
    assertThat(awardAnswer.get("reasons")).isEmpty();
  }

  @Test
  void aReadNeedsAnOpenCaseOfTheRightKindListingTheCadre_everyRefusalIsLogged() {
    String cadre = registerCadre("rules");
    String other = registerCadre("other");
    OpenCase promotion = openCase("PROMOTION", cadre);
    OpenCase award = openCase("AWARD", cadre);
    OpenCase otherCase = openCase("PROMOTION", other);
    String base = "/api/cadres/" + cadre;

    // no case, unknown case, a malformed one, a purpose that is no case number
    assertProblem(get(base + "/dossier", TestTokens.hr()), 400, "caseId");
    assertProblem(get(base + "/dossier?caseId=no-such-case", TestTokens.hr()), 400, "caseId");
    assertProblem(
        get(base + "/dossier?caseId=" + q("{\"$ne\":1}"), TestTokens.hr()), 400, "caseId");
    assertProblem(get(base + "/dossier?purpose=aaa", TestTokens.hr()), 400, "purpose");
    assertProblem(
        get(base + "/dossier" + promotion.query() + "&purpose=aaa", TestTokens.hr()),
        400,
        "purpose");
    // the old purpose form, carrying the number of an open case listing the cadre
    assertThat(
            get(base + "/dossier?purpose=" + q(promotion.caseNo()), TestTokens.hr())
                .getStatusCode()
                .value())
        .isEqualTo(200);
    // cadre not in the case; eligibility of the other kind
    assertRefused(get(base + "/dossier" + otherCase.query(), TestTokens.hr()), "not-a-candidate");
    assertRefused(
        get(base + "/promotion-eligibility" + award.query(), TestTokens.hr()),
        "case-kind-mismatch");
    assertRefused(
        get(base + "/award-eligibility" + promotion.query(), TestTokens.hr()),
        "case-kind-mismatch");
    // other roles, even with a good case
    assertRefused(get(base + "/dossier" + promotion.query(), TestTokens.evaluator()), "forbidden");
    // a closed case, by id and by its number
    assertThat(
            post("/api/review-cases/" + promotion.id() + "/close", TestTokens.hr(), "")
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertRefused(get(base + "/dossier" + promotion.query(), TestTokens.hr()), "case-closed");
    assertRefused(
        get(base + "/promotion-eligibility?purpose=" + q(promotion.caseNo()), TestTokens.hr()),
        "case-closed");

    JsonNode log = body(get("/api/access-log?cadreId=" + cadre + "&size=50", TestTokens.auditor()));
    List<JsonNode> entries = new ArrayList<>();
    log.get("content").forEach(entries::add);
    java.util.Collections.reverse(entries); // oldest first, as the reads were made
    assertThat(entries).hasSize(12);
    assertThat(entries.stream().map(e -> e.get("outcome").asInt()))
        .containsExactly(400, 400, 400, 400, 400, 200, 403, 403, 403, 403, 403, 403);
    assertThat(entries.get(0).get("purpose").isNull()).isTrue();
    assertThat(entries.get(1).get("purpose").asString()).isEqualTo("caseId:no-such-case");
    assertThat(entries.get(3).get("purpose").asString()).isEqualTo("aaa");
    assertThat(entries.get(5).get("purpose").asString()).isEqualTo(promotion.caseNo());
    assertThat(entries.get(6).get("purpose").asString()).isEqualTo(otherCase.caseNo());
    assertThat(entries.get(7).get("purpose").asString()).isEqualTo(award.caseNo());
    assertThat(entries.get(9).get("actor").asString()).isEqualTo("evaluator");
    assertThat(entries.get(9).get("purpose").asString()).isEqualTo(promotion.caseNo());
    assertThat(entries.get(11).get("purpose").asString()).isEqualTo(promotion.caseNo());
    assertThat(entries.get(11).get("endpoint").asString()).isEqualTo("promotion-eligibility");

    JsonNode byCase =
        body(
            get(
                "/api/access-log?caseNo=" + q(promotion.caseNo()) + "&outcome=403",
                TestTokens.auditor()));
    assertThat(byCase.get("totalElements").asLong()).isEqualTo(4);
  }

  @Test
  void unknownCadreIsRefusedAndLogged_badIdIs400AndLogged() {
    String unknown = newId("nobody");
    OpenCase promotion = openCase("PROMOTION", registerCadre("known"));
    assertRefused(
        get(
            "/api/cadres/" + unknown + "/promotion-eligibility" + promotion.query(),
            TestTokens.hr()),
        "not-a-candidate");
    JsonNode log = body(get("/api/access-log?cadreId=" + unknown, TestTokens.auditor()));
    assertThat(log.get("content")).hasSize(1);
    assertThat(log.get("content").get(0).get("outcome").asInt()).isEqualTo(403);
    assertThat(log.get("content").get(0).get("endpoint").asString())
        .isEqualTo("promotion-eligibility");

    assertProblem(
        get("/api/cadres/a%24ne/award-eligibility" + promotion.query(), TestTokens.hr()),
        400,
        "id");
    JsonNode byActor = body(get("/api/access-log?actor=hr&size=1", TestTokens.auditor()));
    assertThat(byActor.get("content").get(0).get("cadreId").asString()).isEqualTo("a$ne");
    assertThat(byActor.get("content").get(0).get("outcome").asInt()).isEqualTo(400);
  }

  @Test
  void accessLogFiltersByTimeAndRefusesBadFilters() {
    String cadre = registerCadre("window");
    get("/api/cadres/" + cadre + "/dossier" + openCase("AWARD", cadre).query(), TestTokens.hr());
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
    assertProblem(get("/api/access-log?outcome=7", TestTokens.auditor()), 400, "outcome");
    assertProblem(
        get("/api/access-log?caseNo=" + q("{\"$gt\":\"\"}"), TestTokens.auditor()), 400, "caseNo");
    assertProblem(
        get("/api/access-log?cadreId=" + q("{\"$gt\":\"\"}"), TestTokens.auditor()),
        400,
        "cadreId");
  }

  void assertRefused(ResponseEntity<String> response, String slug) {
    assertProblem(response, 403, null);
    assertThat(body(response).get("type").asString()).isEqualTo("urn:supervision:problem:" + slug);
  }

  static JsonNode find(JsonNode records, String id) {
    for (JsonNode r : records) {
      if (r.get("id").asString().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no record " + id);
  }
}
