package gov.supervision.checklist.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** What every workbook of this service shares: a sheet with a bold header row, and its bytes. */
final class Sheets {

  private Sheets() {}

  /** A new sheet named {@code name} whose first row holds {@code headers} in bold. */
  static Sheet withHeader(Workbook book, String name, List<String> headers) {
    Sheet sheet = book.createSheet(name);
    CellStyle bold = book.createCellStyle();
    Font font = book.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row row = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(headers.get(c));
      cell.setCellStyle(bold);
      sheet.setColumnWidth(c, 20 * 256);
    }
    return sheet;
  }

  static byte[] bytes(Workbook book) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    book.write(out);
    return out.toByteArray();
  }
}
