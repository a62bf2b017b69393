package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** Import template, all-or-nothing import and the 500-item round trip. */
class ExcelIT extends ChecklistIT {

  static final String[] HEADERS = {"聚焦领域", "监督内容", "工作要求", "责任主体", "责任人", "监督方式", "完成时限", "定期报告"};
  static final String[] FOCUS = {"贯彻落实习近平总书记重要指示批示精神和党中央重大决策部署", "MAJOR_STRATEGIES", "其他"};
  static final String[] METHOD = {"专项督查", "巡视巡察", "ROUTINE_CHECK"};
  static final String[] UNITS = {"FGW", "JW", "CZJ", "RSJ", "ZJJ"};

  static List<String[]> rows(int n) {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(
          new String[] {
            FOCUS[i % 3],
            "第" + i + "项：落实全面从严治党主体责任",
            "按要求报送材料 " + i,
            UNITS[i % UNITS.length],
            "cadre-" + i,
            METHOD[i % 3],
            DAY.plusDays(i % 60 - 10).toString(),
            i % 4 == 0 ? "按月报告" : i % 4 == 1 ? "QUARTERLY" : ""
          });
    }
    return rows;
  }

  static byte[] workbook(List<String[]> rows) throws IOException {
    try (Workbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("清单");
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.length; c++) {
        header.createCell(c).setCellValue(HEADERS[c]);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < HEADERS.length; c++) {
          row.createCell(c).setCellValue(rows.get(r)[c]);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }

  Reply upload(String checklistId, byte[] file, String token) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add(
        "file",
        new ByteArrayResource(file) {
          @Override
          public String getFilename() {
            return "items.xlsx";
          }
        });
    RestClient client = http();
    return client
        .post()
        .uri("/api/checklists/" + checklistId + "/items/import")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .exchange(
            (request, response) -> {
              byte[] raw = response.getBody().readAllBytes();
              var type = response.getHeaders().getContentType();
              var node =
                  type != null && type.getSubtype().contains("json") ? json.readTree(raw) : null;
              return new Reply(response.getStatusCode().value(), response.getHeaders(), node, raw);
            });
  }

  @Test
  void aBadRowRejectsTheWholeFileNamingRowAndField() throws IOException {
    String checklist = newChecklist();
    List<String[]> rows = rows(10);
    rows.get(5)[6] = "2026/13/45"; // Excel row 7 (header is row 1)
    rows.get(8)[3] = "fgw"; // Excel row 10
    Reply reply = upload(checklist, workbook(rows), INSPECTOR);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("errors").findValuesAsString("field"))
        .containsExactly("row 7: dueDate", "row 10: responsibleUnit");
    assertThat(
            get("/api/items?checklistId=" + checklist, INSPECTOR)
                .body()
                .path("totalElements")
                .asLong())
        .isZero();

    assertThat(upload(checklist, "not a workbook".getBytes(), INSPECTOR).status()).isEqualTo(400);
    assertThat(upload(checklist, workbook(rows(1)), LEAD_FGW).status()).isEqualTo(403);
  }

  @Test
  void theTemplateHasTheZhHeaders() throws IOException {
    Reply reply = get("/api/checklists/items/import-template.xlsx", INSPECTOR);
    assertThat(reply.headers().getContentType().toString()).contains("spreadsheetml");
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(reply.raw()))) {
      Row header = book.getSheetAt(0).getRow(0);
      for (int c = 0; c < HEADERS.length; c++) {
        assertThat(header.getCell(c).getStringCellValue()).isEqualTo(HEADERS[c]);
      }
    }
  }

  @Test
  void fiveHundredItemsRoundTrip() throws IOException {
    String checklist = newChecklist();
    List<String[]> rows = rows(500);
    Reply imported = upload(checklist, workbook(rows), INSPECTOR);
    assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(201);
    assertThat(imported.body().path("imported").asInt()).isEqualTo(500);

    Reply export = get("/api/checklists/" + checklist + "/export.xlsx", AUDITOR);
    assertThat(export.status()).isEqualTo(200);
    List<List<String>> exported = new ArrayList<>();
    DataFormatter formatter = new DataFormatter();
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(export.raw()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("事项编号");
      assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("当前环节");
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
          cells.add(formatter.formatCellValue(sheet.getRow(r).getCell(c)));
        }
        exported.add(cells);
      }
    }
    assertThat(exported).hasSize(500);
    assertThat(exported).allMatch(row -> row.get(9).equals("建立台账"));
    List<String> contents = exported.stream().map(row -> row.get(2)).sorted().toList();
    assertThat(contents).containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> r[1]).toList());
    var first =
        exported.stream()
            .filter(row -> row.get(2).equals(rows.get(0)[1]))
            .findFirst()
            .orElseThrow();
    assertThat(first.get(1)).isEqualTo(FOCUS[0]);
    assertThat(first.get(4)).isEqualTo("FGW");
    assertThat(first.get(6)).isEqualTo("专项督查");
    assertThat(first.get(7)).isEqualTo(rows.get(0)[6]);
    assertThat(first.get(8)).isEqualTo("按月报告");

    // the exported file imports again as it is (unknown columns are ignored)
    String copy = newChecklist();
    Reply again = upload(copy, export.raw(), INSPECTOR);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().path("imported").asInt()).isEqualTo(500);
    var stats = get("/api/checklists/" + copy + "/statistics", INSPECTOR).body();
    assertThat(stats.path("total").asInt()).isEqualTo(500);
    assertThat(stats.path("byUnit").path("FGW").asInt()).isEqualTo(100);
    assertThat(stats.path("byMethod").path("SPECIAL_INSPECTION").asInt()).isEqualTo(167);
    assertThat(stats.path("byFocusArea").path("OTHER").asInt()).isEqualTo(166);
    assertThat(stats.path("completionRate").asDouble()).isZero();
    assertThat(stats.path("byStage").path("LEDGER_REGISTERED").asInt()).isEqualTo(500);
  }
}
