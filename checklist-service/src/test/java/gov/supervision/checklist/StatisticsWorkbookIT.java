package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The statistics workbook holds the figures of the statistics endpoint, in zh-CN, sheet by sheet.
 */
class StatisticsWorkbookIT extends ChecklistIT {

  @Test
  void theWorkbookHoldsTheStatisticsFiguresWithZhSheetsHeadersAndLabels() throws IOException {
    String scope = freshUnit();
    String checklist = checklistOf(scope);
    String other = freshUnit(); // a unit outside the reference list keeps its code as its name
    add(checklist, "FGW", -1, "SPECIAL_INSPECTION", "CENTRAL_DIRECTIVES"); // red
    add(checklist, "FGW", 30, "PATROL_INSPECTION", "OTHER"); // green
    add(checklist, "JW", 3, "PATROL_INSPECTION", "CENTRAL_DIRECTIVES"); // yellow
    String closing = add(checklist, "JW", 30, "ROUTINE_CHECK", "CONGRESS_SPIRIT");
    add(checklist, other, 40, "SPECIAL_INSPECTION", "CENTRAL_DIRECTIVES"); // green
    publish(checklist);
    for (String stage :
        List.of(
            "ASSIGNED",
            "MEETING_REVIEWED",
            "INSPECTING",
            "ON_SITE_VERIFIED",
            "REPORTED",
            "CLOSED")) {
      assertThat(transition(closing, stage, "推进").status()).isEqualTo(200);
    }

    JsonNode figures = get("/api/checklists/" + checklist + "/statistics", AUDITOR).body();
    Reply file = get("/api/checklists/" + checklist + "/statistics.xlsx", AUDITOR);

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.headers().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    String disposition = file.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
    String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
        .isEqualTo("2026-" + scope + "-统计分析.xlsx");

    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file.raw()))) {
      List<String> names = new ArrayList<>();
      book.forEach(sheet -> names.add(sheet.getSheetName()));
      assertThat(names).containsExactly("完成情况", "按单位", "按环节", "按监督方式", "按聚焦领域");

      Map<String, List<Object>> completion = rows(book.getSheet("完成情况"));
      assertThat(completion.get("指标")).containsExactly("数值");
      assertThat(completion.get("事项总数")).containsExactly(5.0);
      assertThat(completion.get("已办结")).containsExactly(1.0);
      assertThat(completion.get("完成率")).containsExactly(0.2);
      assertThat(figures.path("completionRate").asDouble()).isEqualTo(0.2);
      assertThat(completion.get("红灯（已逾期）")).containsExactly(1.0);
      assertThat(completion.get("黄灯（临近期限）")).containsExactly(1.0);
      assertThat(completion.get("绿灯（正常推进）")).containsExactly(2.0);
      Row rate = book.getSheet("完成情况").getRow(3);
      assertThat(new DataFormatter().formatCellValue(rate.getCell(1))).isEqualTo("20.0%");

      Map<String, List<Object>> units = rows(book.getSheet("按单位"));
      assertThat(units.get("责任主体"))
          .containsExactly("单位名称", "事项数", "红灯（已逾期）", "黄灯（临近期限）", "绿灯（正常推进）");
      assertThat(units.get("FGW")).containsExactly("市发展和改革委员会", 2.0, 1.0, 0.0, 1.0);
      assertThat(units.get("JW")).containsExactly("市教育局", 2.0, 0.0, 1.0, 0.0);
      assertThat(units.get(other)).containsExactly(other, 1.0, 0.0, 0.0, 1.0);
      for (String unit : List.of("FGW", "JW", other)) {
        JsonNode lights = figures.path("byUnitAndLight").path(unit);
        assertThat(units.get(unit))
            .containsExactly(
                units.get(unit).get(0),
                figures.path("byUnit").path(unit).asDouble(),
                lights.path("RED").asDouble(),
                lights.path("YELLOW").asDouble(),
                lights.path("GREEN").asDouble());
      }
      assertThat(units).hasSize(4);

      Map<String, List<Object>> stages = rows(book.getSheet("按环节"));
      assertThat(stages.get("当前环节")).containsExactly("事项数");
      assertThat(stages.get("建立台账")).containsExactly(4.0);
      assertThat(stages.get("办结销号")).containsExactly(1.0);
      assertThat(stages).hasSize(1 + figures.path("byStage").size());

      Map<String, List<Object>> methods = rows(book.getSheet("按监督方式"));
      assertThat(methods.get("监督方式")).containsExactly("事项数");
      assertThat(methods.get("专项督查")).containsExactly(2.0);
      assertThat(methods.get("巡视巡察")).containsExactly(2.0);
      assertThat(methods.get("日常检查")).containsExactly(1.0);

      Map<String, List<Object>> areas = rows(book.getSheet("按聚焦领域"));
      assertThat(areas.get("聚焦领域")).containsExactly("事项数");
      assertThat(areas.get("贯彻落实习近平总书记重要指示批示精神和党中央重大决策部署")).containsExactly(3.0);
      assertThat(areas.get("学习贯彻党的二十大和二十届四中全会精神")).containsExactly(1.0);
      assertThat(areas.get("新发展理念、高质量发展等重大战略")).containsExactly(0.0);
      assertThat(areas.get("其他")).containsExactly(1.0);
    }
  }

  @Test
  void whoMayExportTheStatistics() {
    String checklist = newChecklist();
    for (String reader : new String[] {INSPECTOR, ADMIN, AUDITOR}) {
      assertThat(get("/api/checklists/" + checklist + "/statistics.xlsx", reader).status())
          .isEqualTo(200);
    }
    for (String other : new String[] {LEAD_FGW, HR, EVALUATOR}) {
      assertThat(get("/api/checklists/" + checklist + "/statistics.xlsx", other).status())
          .isEqualTo(403);
    }
    assertThat(get("/api/checklists/" + checklist + "/statistics.xlsx", null).status())
        .isEqualTo(401);
    Reply unknown = get("/api/checklists/nope/statistics.xlsx", INSPECTOR);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.headers().getContentType().toString())
        .startsWith("application/problem+json");
  }

  @Test
  void theMetadataListsTheReferenceUnitsInOrderWithTheirNames() {
    JsonNode units = get("/api/checklists/metadata", LEAD_JW).body().path("unit");
    List<String> codes = new ArrayList<>();
    units.forEach(u -> codes.add(u.path("code").asString()));
    assertThat(codes).containsExactly("FGW", "JW", "CZJ", "RSJ", "ZJJ", "WJW", "JGDW");
    assertThat(units.get(0).path("zh").asString()).isEqualTo("市发展和改革委员会");
    assertThat(units.get(6).path("en").asString())
        .isEqualTo("Working Committee of Municipal Organs");
  }

  /** The rows of a sheet by the text of their first cell: the other cells as text or number. */
  static Map<String, List<Object>> rows(Sheet sheet) {
    Map<String, List<Object>> rows = new LinkedHashMap<>();
    for (Row row : sheet) {
      List<Object> values = new ArrayList<>();
      for (int c = 1; c < row.getLastCellNum(); c++) {
        var cell = row.getCell(c);
        values.add(
            switch (cell.getCellType()) {
              case NUMERIC -> cell.getNumericCellValue();
              default -> cell.getStringCellValue();
            });
      }
      rows.put(row.getCell(0).getStringCellValue(), values);
    }
    return rows;
  }

  String checklistOf(String scope) {
    Reply reply =
        post("/api/checklists", INSPECTOR, Map.of("year", 2026, "scope", scope, "title", "统计清单"));
    assertThat(reply.status()).isEqualTo(201);
    return reply.text("id");
  }

  String add(String checklist, String unit, int days, String method, String focusArea) {
    Map<String, Object> item = new LinkedHashMap<>(item(unit, DAY.plusDays(days)));
    item.put("method", method);
    item.put("focusArea", focusArea);
    Reply reply = post("/api/checklists/" + checklist + "/items", INSPECTOR, item);
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    return reply.text("id");
  }
}
