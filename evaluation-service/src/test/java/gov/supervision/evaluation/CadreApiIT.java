package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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

  void assertField(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(body(response).get("errors").findValuesAsString("field")).contains(field);
  }
}
