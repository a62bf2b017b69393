package gov.supervision.checklist.excel;

import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.domain.FocusArea;
import gov.supervision.checklist.domain.Item;
import gov.supervision.checklist.domain.Light;
import gov.supervision.checklist.domain.ReportCadence;
import gov.supervision.checklist.domain.SupervisionMethod;
import gov.supervision.checklist.item.NewItemRequest;
import gov.supervision.checklist.metadata.Labels;
import gov.supervision.contracts.Refusal;
import gov.supervision.support.web.ApiProblem;
import gov.supervision.support.web.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes and reads checklist items as .xlsx with zh-CN column headers and labels. Reading checks
 * every row before anything is used: one bad row fails the whole file, each problem named {@code
 * row N: field}.
 */
@Component
public class ItemWorkbook {

  /** Columns an import reads, in template order. */
  static final List<String> INPUT =
      List.of(
          "focusArea",
          "content",
          "requirements",
          "responsibleUnit",
          "responsiblePerson",
          "method",
          "dueDate",
          "reportEvery");

  /** Columns of an export: the id, the input columns, then state. */
  static final List<String> EXPORT =
      concat(List.of("id"), INPUT, List.of("stage", "light", "findings"));

  static final int MAX_ROWS = 5000;

  private final Labels labels;
  private final Validator validator;

  ItemWorkbook(Labels labels, Validator validator) {
    this.labels = labels;
    this.validator = validator;
  }

  /** The workbook of a checklist's items. */
  public byte[] export(List<Item> items, Deadlines deadlines) {
    try (Workbook book = new XSSFWorkbook()) {
      Sheet sheet = header(book, EXPORT);
      int r = 1;
      for (Item item : items) {
        Row row = sheet.createRow(r++);
        Light light = item.light(deadlines);
        Object[] values = {
          item.id(),
          labels.zh(item.focusArea()),
          item.content(),
          item.requirements(),
          item.responsibleUnit(),
          item.responsiblePerson(),
          labels.zh(item.method()),
          item.dueDate().toString(),
          item.reportEvery() == null ? "" : labels.zh(item.reportEvery()),
          labels.zh(item.stage()),
          light == null ? "" : labels.zh(light),
          item.findings().size()
        };
        for (int c = 0; c < values.length; c++) {
          if (values[c] instanceof Integer n) {
            row.createCell(c).setCellValue(n);
          } else {
            row.createCell(c).setCellValue(values[c] == null ? "" : values[c].toString());
          }
        }
      }
      return Sheets.bytes(book);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An empty workbook with the import columns. */
  public byte[] template() {
    try (Workbook book = new XSSFWorkbook()) {
      header(book, INPUT);
      Sheet help = book.createSheet("填写说明");
      int r = 0;
      r = allowed(help, r, "focusArea", FocusArea.values());
      r = allowed(help, r, "method", SupervisionMethod.values());
      r = allowed(help, r, "reportEvery", ReportCadence.values());
      help.createRow(r)
          .createCell(0)
          .setCellValue(
              labels.zh("excel.column.dueDate")
                  + ": yyyy-MM-dd；"
                  + labels.zh("excel.column.responsibleUnit")
                  + ": 2-10 个大写字母");
      return Sheets.bytes(book);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the item rows of a workbook, validating every row; throws a 400 listing every bad row and
   * field, so that nothing of a file with a bad row is used.
   */
  public List<NewItemRequest> read(InputStream in) {
    List<FieldProblem> problems = new ArrayList<>();
    List<NewItemRequest> requests = new ArrayList<>();
    try (Workbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheetAt(0);
      Map<String, Integer> columns = columns(sheet.getRow(sheet.getFirstRowNum()));
      for (String required : INPUT) {
        if (!required.equals("reportEvery") && !columns.containsKey(required)) {
          problems.add(
              new FieldProblem(
                  "row 1: " + required,
                  "缺少列 missing column " + labels.zh("excel.column." + required)));
        }
      }
      if (!problems.isEmpty()) {
        throw invalid(problems);
      }
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      int last = sheet.getLastRowNum();
      if (last > MAX_ROWS) {
        throw invalid(
            List.of(
                new FieldProblem("file", "最多 " + MAX_ROWS + " 行 at most " + MAX_ROWS + " rows")));
      }
      for (int r = sheet.getFirstRowNum() + 1; r <= last; r++) {
        Row row = sheet.getRow(r);
        if (row == null || blank(row, columns, formatter)) {
          continue;
        }
        int excelRow = r + 1;
        List<FieldProblem> rowProblems = new ArrayList<>();
        NewItemRequest request = parse(row, excelRow, columns, formatter, rowProblems);
        if (rowProblems.isEmpty()) {
          for (ConstraintViolation<NewItemRequest> v : validator.validate(request)) {
            rowProblems.add(
                new FieldProblem("row " + excelRow + ": " + v.getPropertyPath(), v.getMessage()));
          }
        }
        rowProblems.sort(Comparator.comparing(FieldProblem::field));
        problems.addAll(rowProblems);
        requests.add(request);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiProblem problem) {
        throw problem;
      }
      throw Refusal.invalid("file", "不是有效的 .xlsx 文件 not a readable .xlsx workbook");
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    if (requests.isEmpty()) {
      throw Refusal.invalid("file", "文件中没有事项 the workbook has no item rows");
    }
    return requests;
  }

  private NewItemRequest parse(
      Row row,
      int excelRow,
      Map<String, Integer> columns,
      DataFormatter formatter,
      List<FieldProblem> problems) {
    Map<String, String> text = new HashMap<>();
    for (String column : INPUT) {
      Integer c = columns.get(column);
      text.put(column, c == null ? "" : formatter.formatCellValue(row.getCell(c)).strip());
    }
    LocalDate dueDate = null;
    Integer dueColumn = columns.get("dueDate");
    Cell dueCell = dueColumn == null ? null : row.getCell(dueColumn);
    if (dueCell != null
        && dueCell.getCellType() == CellType.NUMERIC
        && DateUtil.isCellDateFormatted(dueCell)) {
      dueDate = dueCell.getLocalDateTimeCellValue().toLocalDate();
    } else if (!text.get("dueDate").isEmpty()) {
      try {
        dueDate = LocalDate.parse(text.get("dueDate"));
      } catch (DateTimeParseException e) {
        problems.add(
            new FieldProblem(
                "row " + excelRow + ": dueDate", "日期格式应为 yyyy-MM-dd expected yyyy-MM-dd"));
      }
    }
    return new NewItemRequest(
        enumValue(FocusArea.class, text.get("focusArea"), "focusArea", excelRow, problems),
        text.get("content"),
        text.get("requirements"),
        text.get("responsibleUnit"),
        text.get("responsiblePerson"),
        enumValue(SupervisionMethod.class, text.get("method"), "method", excelRow, problems),
        dueDate,
        enumValue(ReportCadence.class, text.get("reportEvery"), "reportEvery", excelRow, problems),
        null);
  }

  private <E extends Enum<E>> E enumValue(
      Class<E> type, String text, String field, int excelRow, List<FieldProblem> problems) {
    if (text.isEmpty()) {
      return null;
    }
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(text)
          || labels.zh(value).equals(text)
          || labels.en(value).equalsIgnoreCase(text)) {
        return value;
      }
    }
    problems.add(
        new FieldProblem(
            "row " + excelRow + ": " + field, "无效的取值 unknown value '" + shorten(text) + "'"));
    return null;
  }

  private Map<String, Integer> columns(Row header) {
    Map<String, Integer> columns = new HashMap<>();
    if (header == null) {
      return columns;
    }
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    for (Cell cell : header) {
      String name = formatter.formatCellValue(cell).strip();
      for (String column : EXPORT) {
        if (name.equals(labels.zh("excel.column." + column)) || name.equalsIgnoreCase(column)) {
          columns.putIfAbsent(column, cell.getColumnIndex());
        }
      }
    }
    return columns;
  }

  private static boolean blank(Row row, Map<String, Integer> columns, DataFormatter formatter) {
    return INPUT.stream()
        .map(columns::get)
        .filter(c -> c != null)
        .allMatch(c -> formatter.formatCellValue(row.getCell(c)).isBlank());
  }

  private Sheet header(Workbook book, List<String> columns) {
    return Sheets.withHeader(
        book,
        labels.zh("excel.sheet.items"),
        columns.stream().map(c -> labels.zh("excel.column." + c)).toList());
  }

  private int allowed(Sheet help, int r, String column, Enum<?>[] values) {
    Row row = help.createRow(r++);
    row.createCell(0).setCellValue(labels.zh("excel.column." + column));
    for (Enum<?> value : values) {
      Row line = help.createRow(r++);
      line.createCell(1).setCellValue(labels.zh(value));
      line.createCell(2).setCellValue(value.name());
    }
    return r;
  }

  private static ApiProblem invalid(List<FieldProblem> problems) {
    List<FieldProblem> shown = problems.size() > 200 ? problems.subList(0, 200) : problems;
    return new ApiProblem(
        org.springframework.http.HttpStatus.BAD_REQUEST,
        "invalid-input",
        "输入无效 Invalid input",
        "文件有 "
            + problems.size()
            + " 处错误，未导入任何事项 "
            + problems.size()
            + " problem(s); nothing was imported",
        shown);
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
