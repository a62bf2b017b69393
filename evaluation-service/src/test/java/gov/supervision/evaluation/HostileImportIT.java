package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Hostile registration files are refused quickly, naming the file, and the service stays healthy
 * and keeps importing: before the bounds, one cell in column XFD on 5,000 rows made the reader
 * build 80 million cells (a 256 MB heap ran out), and an .xlsx expanding up to 100 times was read
 * whole.
 */
class HostileImportIT extends EvaluationIT {

  @AfterEach
  void stillHealthyAndImporting() {
    ResponseEntity<String> health =
        http().get().uri("/actuator/health").retrieve().toEntity(String.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(body(health).get("status").asString()).isEqualTo("UP");
    String id = newId("after");
    ResponseEntity<String> ok =
        upload(
            TestTokens.admin(),
            "cadres.csv",
            ("编号,姓名,单位,职务\n" + id + ",钱七,FGW,科长\n").getBytes(StandardCharsets.UTF_8));
    assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(201);
  }

  @Test
  void aCellInColumnXfdOnFiveThousandRowsIsRefusedNamingTheRow() throws IOException {
    byte[] file;
    try (SXSSFWorkbook book = new SXSSFWorkbook(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("干部");
      Row header = sheet.createRow(0);
      String[] names = {"编号", "姓名", "单位", "职务"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
      }
      for (int r = 1; r <= 5_000; r++) {
        sheet.createRow(r).createCell(16_383).setCellValue("x"); // column XFD
      }
      book.write(out);
      file = out.toByteArray();
    }
    long started = System.nanoTime();
    ResponseEntity<String> refused = upload(TestTokens.admin(), "cadres.xlsx", file);
    assertProblem(refused, 400, null);
    JsonNode row = body(refused).get("rows").get(0);
    assertThat(row.get("row").asInt()).isEqualTo(2);
    assertThat(row.get("field").asString()).isEqualTo("file");
    assertThat(row.get("message").asString()).contains("64");
    System.out.printf("XFD sheet refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
  }

  @Test
  void aCsvRowWithAHugeNumberOfFieldsIsRefused() {
    String wide = "编号,姓名,单位,职务\n" + ",".repeat(2_000_000) + "\n";
    ResponseEntity<String> refused =
        upload(TestTokens.admin(), "cadres.csv", wide.getBytes(StandardCharsets.UTF_8));
    assertProblem(refused, 400, null);
    assertThat(body(refused).get("rows").get(0).get("row").asInt()).isEqualTo(2);
  }

  @Test
  void anXlsxThatExpandsAThousandTimesIsRefused() throws IOException {
    byte[] bomb = inflated(smallWorkbook(), 30 * 1024 * 1024);
    assertThat(bomb.length).isLessThan(200_000);
    ResponseEntity<String> refused = upload(TestTokens.admin(), "cadres.xlsx", bomb);
    assertProblem(refused, 400, null);
    JsonNode row = body(refused).get("rows").get(0);
    assertThat(row.get("field").asString()).isEqualTo("file");
    assertThat(row.get("message").asString()).contains("expands");
  }

  private byte[] smallWorkbook() throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Row header = book.createSheet("干部").createRow(0);
      String[] names = {"编号", "姓名", "单位", "职务"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  /** The workbook with {@code padding} spaces added inside its sheet (well-formed XML). */
  private static byte[] inflated(byte[] xlsx, int padding) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int end = xml.lastIndexOf("</worksheet>");
          zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
          byte[] spaces = new byte[1024 * 1024];
          java.util.Arrays.fill(spaces, (byte) ' ');
          for (int written = 0; written < padding; written += spaces.length) {
            zip.write(spaces);
          }
          zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        } else {
          zip.write(content);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
