package gov.supervision.checklist.excel;

import gov.supervision.checklist.checklist.StatisticsResponse;
import gov.supervision.checklist.domain.FocusArea;
import gov.supervision.checklist.domain.Light;
import gov.supervision.checklist.domain.Stage;
import gov.supervision.checklist.domain.SupervisionMethod;
import gov.supervision.checklist.metadata.Labels;
import gov.supervision.checklist.metadata.ReferenceUnits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A checklist's statistics as a workbook, figure for figure as {@code GET .../statistics} answers
 * them: completion (totals, completion rate, open items by light), then one sheet each by unit
 * (with its open items per light), by stage, by method and by focus area. Sheet names, headers and
 * labels are zh-CN, from the same bundle as the metadata code lists.
 */
@Component
public class StatisticsWorkbook {

  /** Lights as the by-unit sheet shows them: the most urgent first. */
  private static final List<Light> LIGHTS = List.of(Light.RED, Light.YELLOW, Light.GREEN);

  private final Labels labels;
  private final ReferenceUnits units;

  StatisticsWorkbook(Labels labels, ReferenceUnits units) {
    this.labels = labels;
    this.units = units;
  }

  public byte[] export(StatisticsResponse statistics) {
    try (Workbook book = new XSSFWorkbook()) {
      completion(book, statistics);
      byUnit(book, statistics);
      counts(book, "byStage", "stage", statistics.byStage(), Stage.class);
      counts(book, "byMethod", "method", statistics.byMethod(), SupervisionMethod.class);
      counts(book, "byFocusArea", "focusArea", statistics.byFocusArea(), FocusArea.class);
      return Sheets.bytes(book);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void completion(Workbook book, StatisticsResponse statistics) {
    Sheet sheet = sheet(book, "completion", List.of("metric", "value"));
    int r = 1;
    r = figure(sheet, r, zh("excel.statistics.total"), statistics.total());
    r = figure(sheet, r, zh("excel.statistics.closed"), statistics.closed());
    Row rate = sheet.createRow(r++);
    rate.createCell(0).setCellValue(zh("excel.statistics.completionRate"));
    CellStyle percent = book.createCellStyle();
    percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
    rate.createCell(1).setCellValue(statistics.completionRate());
    rate.getCell(1).setCellStyle(percent);
    for (Light light : LIGHTS) {
      r = figure(sheet, r, labels.zh(light), statistics.byLight().get(light.name()));
    }
  }

  private void byUnit(Workbook book, StatisticsResponse statistics) {
    List<String> headers = new ArrayList<>(List.of(column("responsibleUnit"), column("unitName")));
    headers.add(column("count"));
    LIGHTS.forEach(light -> headers.add(labels.zh(light)));
    Sheet sheet = Sheets.withHeader(book, zh("excel.sheet.byUnit"), headers);
    int r = 1;
    for (Map.Entry<String, Long> unit : statistics.byUnit().entrySet()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(unit.getKey());
      row.createCell(1).setCellValue(units.zh(unit.getKey()));
      row.createCell(2).setCellValue(unit.getValue());
      Map<String, Long> lights = statistics.byUnitAndLight().get(unit.getKey());
      for (int l = 0; l < LIGHTS.size(); l++) {
        row.createCell(3 + l).setCellValue(lights.get(LIGHTS.get(l).name()));
      }
    }
  }

  private <E extends Enum<E>> void counts(
      Workbook book, String name, String column, Map<String, Long> counts, Class<E> codes) {
    Sheet sheet = sheet(book, name, List.of(column, "count"));
    sheet.setColumnWidth(0, 60 * 256); // focus areas have long names
    int r = 1;
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      r = figure(sheet, r, labels.zh(Enum.valueOf(codes, count.getKey())), count.getValue());
    }
  }

  private Sheet sheet(Workbook book, String name, List<String> columns) {
    return Sheets.withHeader(
        book, zh("excel.sheet." + name), columns.stream().map(this::column).toList());
  }

  private static int figure(Sheet sheet, int r, String label, long value) {
    Row row = sheet.createRow(r);
    row.createCell(0).setCellValue(label);
    row.createCell(1).setCellValue(value);
    return r + 1;
  }

  private String column(String name) {
    return zh("excel.column." + name);
  }

  private String zh(String key) {
    return labels.zh(key);
  }
}
