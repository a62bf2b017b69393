package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.cadre.ImportRejected.RowProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the rows of a cadre registration file: CSV (UTF-8) or .xlsx (first sheet), with a header
 * row in zh-CN ({@code 编号,姓名,单位,职务}) or English ({@code id,name,unit,position}).
 *
 * <p>Bounded against hostile files: at most {@link #MAX_ROWS} rows are read, a row wider than
 * {@link #MAX_COLUMNS} columns refuses the file (found from the row's last cell, never by walking
 * to it: a stray cell in column XFD costs nothing), and an .xlsx may not expand more than {@link
 * #MAX_INFLATE} times nor any part of it past {@link #MAX_ENTRY_BYTES} (POI's {@code
 * ZipSecureFile}, set for the whole JVM); such a file is refused naming {@code file}.
 */
final class CadreSheet {

  /** One data row; {@code number} as the file shows it (header = 1). */
  record CadreRow(int number, String id, String name, String unit, String position) {}

  static final int MAX_ROWS = 5_000;
  static final int MAX_COLUMNS = 64;
  static final int MAX_CELL_CHARS = 1_000;
  static final int MAX_INFLATE = 50;
  static final long MAX_ENTRY_BYTES = 4L * 1024 * 1024;

  static {
    ZipSecureFile.setMinInflateRatio(1.0 / MAX_INFLATE);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
  }

  private static final Map<String, String> HEADERS =
      Map.ofEntries(
          Map.entry("编号", "id"),
          Map.entry("干部编号", "id"),
          Map.entry("id", "id"),
          Map.entry("姓名", "name"),
          Map.entry("name", "name"),
          Map.entry("单位", "unit"),
          Map.entry("单位代码", "unit"),
          Map.entry("unit", "unit"),
          Map.entry("职务", "position"),
          Map.entry("position", "position"));

  private CadreSheet() {}

  static List<CadreRow> read(String filename, byte[] content) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    boolean xlsx =
        name.endsWith(".xlsx")
            || (content.length > 1 && content[0] == 'P' && content[1] == 'K'); // zip magic
    List<List<String>> table = xlsx ? xlsx(content) : csv(content);
    if (table.isEmpty()) {
      throw new ImportRejected(List.of(new RowProblem(1, "file", "文件为空 the file is empty")));
    }
    Map<String, Integer> columns = columns(table.get(0));
    List<CadreRow> rows = new ArrayList<>();
    for (int i = 1; i < table.size(); i++) {
      List<String> cells = table.get(i);
      if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
        continue;
      }
      rows.add(
          new CadreRow(
              i + 1,
              cell(cells, columns.get("id")),
              cell(cells, columns.get("name")),
              cell(cells, columns.get("unit")),
              cell(cells, columns.get("position"))));
    }
    if (rows.size() > MAX_ROWS) {
      throw new ImportRejected(
          List.of(new RowProblem(MAX_ROWS + 2, "file", "超过 " + MAX_ROWS + " 行 too many rows")));
    }
    return rows;
  }

  private static Map<String, Integer> columns(List<String> header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String key = header.get(i) == null ? "" : header.get(i).strip().replace("\uFEFF", "");
      String field = HEADERS.get(key.toLowerCase(Locale.ROOT));
      if (field == null) {
        field = HEADERS.get(key);
      }
      if (field != null) {
        columns.putIfAbsent(field, i);
      }
    }
    List<RowProblem> missing = new ArrayList<>();
    for (String field : List.of("id", "name", "unit", "position")) {
      if (!columns.containsKey(field)) {
        missing.add(new RowProblem(1, field, "缺少表头 missing header column"));
      }
    }
    if (!missing.isEmpty()) {
      throw new ImportRejected(missing);
    }
    return columns;
  }

  private static String cell(List<String> cells, int index) {
    if (index >= cells.size() || cells.get(index) == null) {
      return null;
    }
    String value = cells.get(index).strip();
    return value.isEmpty() ? null : value;
  }

  private static List<List<String>> xlsx(byte[] content) {
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = workbook.getSheetAt(0);
      List<List<String>> table = new ArrayList<>();
      for (int r = 0; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS + 1); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          int width = Math.max(0, row.getLastCellNum());
          if (width > MAX_COLUMNS) {
            throw tooWide(r + 1);
          }
          for (int c = 0; c < width; c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? null : formatter.formatCellValue(cell));
          }
        }
        table.add(cells);
      }
      return table;
    } catch (ImportRejected e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (expandsTooMuch(e)) {
        throw new ImportRejected(
            List.of(
                new RowProblem(
                    1,
                    "file",
                    "解压后过大（超过 "
                        + MAX_INFLATE
                        + " 倍或单个部件超过 4 MiB） the file expands beyond the allowed size")));
      }
      throw new ImportRejected(
          List.of(new RowProblem(1, "file", "不是有效的 xlsx 文件 not a readable .xlsx file")));
    }
  }

  private static ImportRejected tooWide(int rowNumber) {
    return new ImportRejected(
        List.of(
            new RowProblem(
                rowNumber,
                "file",
                "超过 " + MAX_COLUMNS + " 列 more than " + MAX_COLUMNS + " columns")));
  }

  /** Whether POI refused the file as a zip bomb (inflate ratio or entry size). */
  private static boolean expandsTooMuch(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
        return true;
      }
    }
    return false;
  }

  /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
  static List<List<String>> csv(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> table = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        if (row.size() >= MAX_COLUMNS) {
          throw tooWide(table.size() + 1);
        }
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        table.add(row);
        row = new ArrayList<>();
        if (table.size() > MAX_ROWS + 1) {
          return table;
        }
      } else if (field.length() < MAX_CELL_CHARS) {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      table.add(row);
    }
    return table;
  }
}
