package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class CadreApiIT extends EvaluationIT {

  @Test
  void registersAndShowsTheProfileOnly() {
    String id = newId("reg");
    ResponseEntity<String> created =
        post(
            "/api/cadres",
            TestTokens.evaluator(),
            Map.of("id", id, "name", "赵六", "unit", "RSJ", "position", "处长"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation().toString()).isEqualTo("/api/cadres/" + id);
    assertThat(body(created).get("status").asString()).isEqualTo("ACTIVE");

    JsonNode profile = body(get("/api/cadres/" + id, TestTokens.admin()));
    assertThat(profile.get("name").asString()).isEqualTo("赵六");
    assertThat(profile.has("records")).isFalse();

    ResponseEntity<String> again =
        post(
            "/api/cadres",
            TestTokens.admin(),
            Map.of("id", id, "name", "赵六", "unit", "RSJ", "position", "处长"));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(get("/api/cadres/" + newId("none"), TestTokens.admin()).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void refusesInvalidInputAndInjectionAttemptsNamingTheField() {
    assertField(
        post(
            "/api/cadres",
            TestTokens.admin(),
            Map.of("id", newId("v"), "name", "赵六", "unit", "fgw", "position", "处长")),
        "unit");
    assertField(
        post(
            "/api/cadres",
            TestTokens.admin(),
            "{\"id\":{\"$gt\":\"\"},\"name\":\"a\",\"unit\":\"FGW\",\"position\":\"b\"}"),
        "id.$gt");
    assertField(
        post(
            "/api/cadres",
            TestTokens.admin(),
            "{\"id\":\"x1\",\"name\":\"a\",\"unit\":\"FGW\",\"position\":\"b\",\"$where\":\"1\"}"),
        "$where");
    assertField(
        post(
            "/api/cadres",
            TestTokens.admin(),
            Map.of("id", "x'; drop", "name", "a", "unit", "FGW", "position", "b")),
        "id");
    assertField(
        post(
            "/api/cadres",
            TestTokens.admin(),
            Map.of("id", newId("v"), "name", "a", "unit", "FGW", "position", "b", "admin", true)),
        "admin");

    String cadre = registerCadre("val");
    String path = "/api/cadres/" + cadre + "/evaluations";
    Map<String, Object> bad = evaluation(today(), "GOOD", 4);
    ((Map<String, Object>) bad.get("dimensions")).put("POLITICAL_STANCE", 6);
    assertField(post(path, TestTokens.evaluator(), bad), "dimensions.POLITICAL_STANCE");
    Map<String, Object> missing = evaluation(today(), "GOOD", 4);
    ((Map<String, Object>) missing.get("dimensions")).remove("POLITICAL_ATTITUDE");
    assertField(post(path, TestTokens.evaluator(), missing), "dimensions.POLITICAL_ATTITUDE");
    assertField(post(path, TestTokens.evaluator(), evaluation(today(), "SUPERB", 4)), "conclusion");
    assertField(post(path, TestTokens.evaluator(), evaluation("2999-01-01", "GOOD", 4)), "date");
    Map<String, Object> noDate = evaluation(today(), "GOOD", 4);
    noDate.remove("date");
    assertField(post(path, TestTokens.evaluator(), noDate), "date");
    assertThat(
            post(
                    "/api/cadres/" + newId("none") + "/evaluations",
                    TestTokens.evaluator(),
                    evaluation(today(), "GOOD", 4))
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  void correctionsSupersedeOnlyEffectiveRecordsOfTheSameFile() {
    String cadre = registerCadre("corr");
    String other = registerCadre("corr-other");
    String first = recordEvaluation(cadre, evaluation(today(), "GOOD", 4));
    String foreign = recordEvaluation(other, evaluation(today(), "GOOD", 4));
    String path = "/api/cadres/" + cadre + "/evaluations";

    Map<String, Object> noReason = evaluation(today(), "QUALIFIED", 3);
    noReason.put("supersedes", first);
    assertField(post(path, TestTokens.evaluator(), noReason), "correctionReason");

    Map<String, Object> wrongFile = evaluation(today(), "QUALIFIED", 3);
    wrongFile.put("supersedes", foreign);
    wrongFile.put("correctionReason", "更正");
    assertThat(post(path, TestTokens.evaluator(), wrongFile).getStatusCode().value())
        .isEqualTo(409);

    Map<String, Object> correction = evaluation(today(), "QUALIFIED", 3);
    correction.put("supersedes", first);
    correction.put("correctionReason", "更正");
    ResponseEntity<String> corrected = post(path, TestTokens.evaluator(), correction);
    assertThat(corrected.getStatusCode().value()).isEqualTo(201);
    assertThat(body(corrected).get("supersedes").asString()).isEqualTo(first);
    assertThat(body(corrected).get("evaluator").asString()).isEqualTo("evaluator");

    ResponseEntity<String> twice = post(path, TestTokens.evaluator(), correction);
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    assertThat(body(twice).get("type").asString()).endsWith("already-superseded");
  }

  @Test
  void importsACsvWithChineseHeadersAllOrNothing() {
    String a = newId("csv");
    String b = newId("csv");
    String good = "\uFEFF编号,姓名,单位,职务\n" + a + ",钱七,FGW,科长\n" + b + ",\"孙八, 副\",JW,科员\n";
    ResponseEntity<String> ok =
        upload(TestTokens.admin(), "cadres.csv", good.getBytes(StandardCharsets.UTF_8));
    assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(201);
    assertThat(body(ok).get("imported").asInt()).isEqualTo(2);
    assertThat(body(get("/api/cadres/" + b, TestTokens.admin())).get("name").asString())
        .isEqualTo("孙八, 副");

    String c = newId("csv");
    String d = newId("csv");
    String bad =
        "编号,姓名,单位,职务\n"
            + c
            + ",周九,FGW,科长\n"
            + d
            + ",吴十,fgw,科员\n"
            + a
            + ",重复,FGW,科员\n"
            + c
            + ",,FGW,科员\n"
            + c
            + ",冯二,FGW,科员\n";
    ResponseEntity<String> rejected =
        upload(TestTokens.admin(), "cadres.csv", bad.getBytes(StandardCharsets.UTF_8));
    assertThat(rejected.getStatusCode().value()).isEqualTo(400);
    JsonNode rows = body(rejected).get("rows");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).get("row").asInt()).isEqualTo(3);
    assertThat(rows.get(0).get("field").asString()).isEqualTo("unit");
    assertThat(rows.get(1).get("row").asInt()).isEqualTo(4);
    assertThat(rows.get(1).get("field").asString()).isEqualTo("id");
    assertThat(rows.get(2).get("row").asInt()).isEqualTo(5);
    assertThat(rows.get(2).get("field").asString()).isEqualTo("name");
    assertThat(rows.get(3).get("row").asInt()).isEqualTo(6);
    assertThat(rows.get(3).get("field").asString()).isEqualTo("id");
    assertThat(get("/api/cadres/" + c, TestTokens.admin()).getStatusCode().value()).isEqualTo(404);

    ResponseEntity<String> noHeader =
        upload(TestTokens.admin(), "cadres.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(noHeader.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void importsAnXlsxSheet() throws IOException {
    String a = newId("xlsx");
    byte[] file;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("干部");
      List<List<String>> rows =
          List.of(List.of("编号", "姓名", "单位", "职务"), List.of(a, "郑一", "WJW", "主任"));
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      book.write(out);
      file = out.toByteArray();
    }
    ResponseEntity<String> ok = upload(TestTokens.evaluator(), "cadres.xlsx", file);
    assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(201);
    assertThat(body(get("/api/cadres/" + a, TestTokens.admin())).get("unit").asString())
        .isEqualTo("WJW");
    ResponseEntity<String> broken =
        upload(
            TestTokens.evaluator(), "cadres.xlsx", "PKnot a zip".getBytes(StandardCharsets.UTF_8));
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void listsProfilesByUnitAndNameAPageAtATimeWithoutLoggingThem() {
    String unit = "T" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
    unit = unit.substring(0, Math.min(unit.length(), 8)) + "ZZ";
    String marker = newId("名");
    List<String> ids = new ArrayList<>();
    for (String name : List.of("甲" + marker, "乙" + marker, "丙其他")) {
      String id = newId("list");
      ids.add(id);
      post(
          "/api/cadres",
          TestTokens.evaluator(),
          Map.of("id", id, "name", name, "unit", unit, "position", "科员"));
    }
    recordEvaluation(ids.get(0), evaluation(today(), "UNQUALIFIED", 1));
    long logged =
        body(get("/api/access-log?size=1", TestTokens.auditor())).get("totalElements").asLong();

    JsonNode all = body(get("/api/cadres?unit=" + unit + "&size=2", TestTokens.admin()));
    assertThat(all.get("totalElements").asLong()).isEqualTo(3);
    assertThat(all.get("size").asInt()).isEqualTo(2);
    assertThat(all.get("content")).hasSize(2);
    JsonNode second = body(get("/api/cadres?unit=" + unit + "&size=2&page=1", TestTokens.admin()));
    assertThat(second.get("content")).hasSize(1);
    List<String> listed = new ArrayList<>(all.get("content").findValuesAsString("id"));
    listed.addAll(second.get("content").findValuesAsString("id"));
    assertThat(listed).containsExactlyElementsOf(ids.stream().sorted().toList());
    JsonNode first = all.get("content").get(0);
    assertThat(first.has("records")).isFalse();
    assertThat(first.has("veto")).isFalse();
    assertThat(first.get("unit").asString()).isEqualTo(unit);

    JsonNode byName =
        body(get("/api/cadres?unit=" + unit + "&name=" + marker, TestTokens.evaluator()));
    assertThat(byName.get("content").findValuesAsString("name"))
        .containsExactlyInAnyOrder("甲" + marker, "乙" + marker);
    assertThat(
            body(get("/api/cadres?name=.*", TestTokens.evaluator())).get("totalElements").asLong())
        .as("the name is matched as text, not as a pattern")
        .isZero();

    assertProblem(get("/api/cadres?unit=fgw", TestTokens.admin()), 400, "unit");
    assertProblem(get("/api/cadres?size=0", TestTokens.admin()), 400, "size");
    assertProblem(get("/api/cadres?page=-1", TestTokens.admin()), 400, "page");
    assertThat(get("/api/cadres", TestTokens.hr()).getStatusCode().value()).isEqualTo(403);
    assertThat(
            body(get("/api/access-log?size=1", TestTokens.auditor())).get("totalElements").asLong())
        .as("listing profiles reads no file")
        .isEqualTo(logged);
  }

  @Test
  void theKeeperSeesTheRecordsWithTheCorrectedOneMarkedAndEveryReadIsLogged() {
    String cadre = registerCadre("keep");
    String first = recordEvaluation(cadre, evaluation(today(), "UNQUALIFIED", 1));
    Map<String, Object> correction = evaluation(today(), "GOOD", 4);
    correction.put("supersedes", first);
    correction.put("correctionReason", "录入有误，更正为良好");
    String second = recordEvaluation(cadre, correction);
    String path = "/api/cadres/" + cadre + "/evaluations";

    JsonNode file = body(get(path, TestTokens.evaluator()));
    assertThat(file.get("cadre").get("id").asString()).isEqualTo(cadre);
    JsonNode records = file.get("records");
    assertThat(records.findValuesAsString("id")).containsExactly(second, first);
    assertThat(records.get(0).get("superseded").asBoolean()).isFalse();
    assertThat(records.get(0).get("supersedes").asString()).isEqualTo(first);
    assertThat(records.get(0).get("correctionReason").asString()).isEqualTo("录入有误，更正为良好");
    assertThat(records.get(1).get("superseded").asBoolean()).isTrue();
    assertThat(records.get(1).get("supersededBy").asString()).isEqualTo(second);
    assertThat(records.get(1).get("conclusion").asString()).isEqualTo("UNQUALIFIED");
    assertThat(file.has("veto")).isFalse();

    assertProblem(get(path, TestTokens.admin()), 403, null);
    assertProblem(get(path, TestTokens.hr()), 403, null);
    assertProblem(
        get("/api/cadres/" + newId("none") + "/evaluations", TestTokens.evaluator()), 404, null);

    JsonNode log = body(get("/api/access-log?cadreId=" + cadre, TestTokens.auditor()));
    assertThat(log.get("totalElements").asLong()).isEqualTo(3);
    List<String> seen = new ArrayList<>();
    for (JsonNode entry : log.get("content")) {
      assertThat(entry.get("purpose").asString()).isEqualTo("档案维护");
      assertThat(entry.get("endpoint").asString()).isEqualTo("evaluations");
      seen.add(entry.get("actor").asString() + " " + entry.get("outcome").asInt());
    }
    assertThat(seen).containsExactlyInAnyOrder("evaluator 200", "admin 403", "hr 403");
  }

  void assertField(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(body(response).get("errors").findValuesAsString("field")).contains(field);
  }
}
