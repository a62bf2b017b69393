package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The printed dossier, parsed back with PDFBox: A4, the cadre's name, the dimension labels, the
 * veto with its reason, page numbers, and the watermark (reader's display name, unit, date, 仅供审阅)
 * on every page; the text extracts as the right characters (no CJK radical look-alikes); each
 * download is logged like a read.
 */
class DossierPdfIT extends EvaluationIT {

  /** The name has 干 黄 页, which PDFBox 3.0.3 extracted as radicals. */
  static final String NAME = "黄干页";

  @Test
  void hrDownloadsAWatermarkedA4DossierWhoseTextExtractsCorrectly() throws IOException {
    String cadre = newId("pdf");
    assertThat(
            post(
                    "/api/cadres",
                    TestTokens.admin(),
                    Map.of("id", cadre, "name", NAME, "unit", "JW", "position", "副处长"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    LocalDate day = LocalDate.now(injectedClock).minusDays(200);
    for (int i = 0; i < 14; i++) {
      recordEvaluation(cadre, evaluation(day.plusDays(i * 10).toString(), "GOOD", 4));
    }
    Map<String, Object> unqualified = evaluation(day.plusDays(150).toString(), "UNQUALIFIED", 1);
    unqualified.put("remarks", "巡察发现落实过紧日子要求不力");
    String vetoing = recordEvaluation(cadre, unqualified);
    OpenCase reviewCase = openCase("PROMOTION", cadre);
    String reader = TestTokens.named("hr", "刘人事", null, "HR");

    ResponseEntity<byte[]> response = download(cadre, reviewCase.query(), reader);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(response.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("dossier-" + cadre + ".pdf");
    try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
      assertThat(pdf.getNumberOfPages()).as("15 records take more than a page").isGreaterThan(1);
      for (PDPage page : pdf.getPages()) {
        assertThat(page.getMediaBox().getWidth())
            .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
        assertThat(page.getMediaBox().getHeight())
            .isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
      }
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains(NAME, "干部政治素质档案", reviewCase.caseNo(), "政治判断力", "政治担当", "政治领悟力")
          .contains("一票否决", "不合格", day.plusDays(150).toString(), vetoing)
          .contains("巡察发现落实过紧日子要求不力", "第 1 页", "共 " + pdf.getNumberOfPages() + " 页");
      assertThat(text.codePoints().filter(cp -> cp >= 0x2E80 && cp <= 0x2FDF))
          .as("no character extracted as a CJK radical look-alike")
          .isEmpty();
      String date = LocalDate.now(injectedClock).toString();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        assertThat(inStreamOrder(pdf, page))
            .as("watermark on page %d", page)
            .contains("刘人事 组织人事部门 " + date)
            .contains("仅供审阅");
      }
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        }
      }
    }

    JsonNode log = body(get("/api/access-log?cadreId=" + cadre, TestTokens.auditor()));
    JsonNode entry = log.get("content").get(0);
    assertThat(entry.get("endpoint").asString()).isEqualTo("dossier.pdf");
    assertThat(entry.get("outcome").asInt()).isEqualTo(200);
    assertThat(entry.get("purpose").asString()).isEqualTo(reviewCase.caseNo());
  }

  @Test
  void withoutANameClaimTheWatermarkNamesTheSub_andRefusalsAreProblemsAndLogged()
      throws IOException {
    String cadre = registerCadre("pdf-sub");
    recordEvaluation(cadre, evaluation(LocalDate.now(injectedClock).toString(), "GOOD", 4));
    OpenCase reviewCase = openCase("AWARD", cadre);

    ResponseEntity<byte[]> ok = download(cadre, reviewCase.query(), TestTokens.hr());
    try (PDDocument pdf = Loader.loadPDF(ok.getBody())) {
      assertThat(inStreamOrder(pdf, 1)).contains("hr 组织人事部门 ", "仅供审阅");
    }

    post("/api/review-cases/" + reviewCase.id() + "/close", TestTokens.hr(), "");
    ResponseEntity<byte[]> closed = download(cadre, reviewCase.query(), TestTokens.hr());
    assertThat(closed.getStatusCode().value()).isEqualTo(403);
    assertThat(closed.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    ResponseEntity<byte[]> otherRole = download(cadre, reviewCase.query(), TestTokens.evaluator());
    assertThat(otherRole.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<byte[]> noCase = download(cadre, "", TestTokens.hr());
    assertThat(noCase.getStatusCode().value()).isEqualTo(400);

    JsonNode log = body(get("/api/access-log?cadreId=" + cadre, TestTokens.auditor()));
    assertThat(log.get("content").findValuesAsString("endpoint"))
        .containsExactly("dossier.pdf", "dossier.pdf", "dossier.pdf", "dossier.pdf");
    assertThat(log.get("content").findValues("outcome").stream().map(JsonNode::asInt))
        .containsExactly(400, 403, 403, 200);
  }

  ResponseEntity<byte[]> download(String cadre, String query, String token) {
    return http()
        .get()
        .uri(
            java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/cadres/" + cadre + "/dossier.pdf" + query))
        .header("Authorization", "Bearer " + token)
        .retrieve()
        .toEntity(byte[].class);
  }

  /** The text of one page in the order it was drawn (a rotated watermark reads as one run). */
  static String inStreamOrder(PDDocument pdf, int page) throws IOException {
    StringBuilder drawn = new StringBuilder();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void processTextPosition(TextPosition text) {
            drawn.append(text.getUnicode());
          }
        };
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    stripper.getText(pdf);
    return drawn.toString();
  }
}
