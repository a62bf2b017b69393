package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Evidence files end to end on the real store: upload as a browser sends it (UTF-8 file name in the
 * multipart header), list, download with the original name; refusals by content, size and unit
 * leave nothing in GridFS; progress notes and rectifications cite uploaded files.
 */
class AttachmentIT extends ChecklistIT {

  static final int MIB = 1024 * 1024;

  @Autowired MongoTemplate mongo;

  String fgwItem;
  String finding;

  @BeforeEach
  void publishedFgwItemWithAFinding() {
    fgwItem = publishedItem("FGW", DAY.plusDays(30));
    finding = raiseFinding(fgwItem, "MAJOR", DAY.plusDays(10));
  }

  @Test
  void uploadListAndDownloadKeepTheChineseNameAndTheBytes() {
    byte[] pdf = pdf(700_000); // three GridFS chunks
    String name = "现场核查报告（2026年第1季度）.pdf";

    Reply uploaded = upload("/api/items/" + fgwItem + "/attachments", name, pdf, LEAD_FGW);

    assertThat(uploaded.status()).as(String.valueOf(uploaded.body())).isEqualTo(201);
    JsonNode meta = uploaded.body();
    String id = meta.path("id").asString();
    assertThat(meta.path("fileName").asString()).isEqualTo(name);
    assertThat(meta.path("contentType").asString()).isEqualTo("application/pdf");
    assertThat(meta.path("size").asLong()).isEqualTo(pdf.length);
    assertThat(meta.path("sha256").asString()).isEqualTo(sha256(pdf));
    assertThat(meta.path("uploadedBy").asString()).isEqualTo("lead-fgw");
    assertThat(meta.path("uploadedAt").asString()).startsWith(DAY.toString());
    assertThat(meta.path("itemId").asString()).isEqualTo(fgwItem);
    assertThat(meta.path("findingId").isNull()).isTrue();
    assertThat(chunksOf(id)).isEqualTo(3);

    byte[] png = png(4_000);
    Reply forFinding =
        upload("/api/findings/" + finding + "/attachments", "整改照片.PNG", png, INSPECTOR);
    assertThat(forFinding.status()).isEqualTo(201);
    assertThat(forFinding.text("contentType")).isEqualTo("image/png");
    assertThat(forFinding.text("itemId")).isEqualTo(fgwItem);
    assertThat(forFinding.text("findingId")).isEqualTo(finding);

    for (String reader : List.of(INSPECTOR, LEAD_FGW, AUDITOR, ADMIN)) {
      Reply list = get("/api/items/" + fgwItem + "/attachments", reader);
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.body().findValuesAsString("id")).containsExactly(id, forFinding.text("id"));
      assertThat(list.body().get(0).path("fileName").asString()).isEqualTo(name);
    }

    Reply download = get("/api/attachments/" + id, LEAD_FGW);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.raw()).isEqualTo(pdf);
    HttpHeaders headers = download.headers();
    assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(headers.getContentLength()).isEqualTo(pdf.length);
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition)
        .startsWith("attachment; filename=\"")
        .contains(
            "filename*=UTF-8''"
                + "%E7%8E%B0%E5%9C%BA%E6%A0%B8%E6%9F%A5%E6%8A%A5%E5%91%8A%EF%BC%882026"
                + "%E5%B9%B4%E7%AC%AC1%E5%AD%A3%E5%BA%A6%EF%BC%89.pdf");
    assertThat(disposition.substring(0, disposition.indexOf(';', 12)))
        .matches("attachment; filename=\"[\\x20-\\x7e]+\\.pdf\"");
    // the server's own parser reads the UTF-8 name back
    assertThat(org.springframework.http.ContentDisposition.parse(disposition).getFilename())
        .isEqualTo(name);

    Reply image = get("/api/attachments/" + forFinding.text("id"), AUDITOR);
    assertThat(image.raw()).isEqualTo(png);
    assertThat(image.headers().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
  }

  @Test
  void officeFilesAreKnownByTheirPartsNotByTheirNames() throws IOException {
    Reply docx = upload("/api/items/" + fgwItem + "/attachments", "会议纪要.docx", docx(), LEAD_FGW);
    assertThat(docx.status()).as(String.valueOf(docx.body())).isEqualTo(201);
    assertThat(docx.text("contentType"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    Reply xlsx = upload("/api/items/" + fgwItem + "/attachments", "台账.xlsx", xlsx(), LEAD_FGW);
    assertThat(xlsx.status()).isEqualTo(201);
    assertThat(xlsx.text("contentType"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    long files = count("attachments.files");
    long chunks = count("attachments.chunks");
    // a workbook called a Word document, and a ZIP that is no Office package
    assertRefused(upload("/api/items/" + fgwItem + "/attachments", "纪要.docx", xlsx(), LEAD_FGW));
    assertRefused(
        upload(
            "/api/items/" + fgwItem + "/attachments",
            "材料.docx",
            new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0},
            LEAD_FGW));
    assertThat(count("attachments.files")).isEqualTo(files);
    assertThat(count("attachments.chunks")).isEqualTo(chunks);
  }

  @Test
  void contentThatIsNotWhatTheNameSaysIsRefusedAndNothingIsStored() {
    long files = count("attachments.files");
    long chunks = count("attachments.chunks");
    String path = "/api/items/" + fgwItem + "/attachments";

    byte[] exe = new byte[300_000];
    exe[0] = 'M';
    exe[1] = 'Z';
    assertRefused(upload(path, "整改报告.pdf", exe, LEAD_FGW));
    assertRefused(upload(path, "报告.pdf", "<html><script>alert(1)</script>".getBytes(), LEAD_FGW));
    assertRefused(upload(path, "报告.docx", pdf(1_000), LEAD_FGW)); // a PDF named .docx
    assertRefused(upload(path, "说明.txt", "纯文本".getBytes(StandardCharsets.UTF_8), LEAD_FGW));
    assertRefused(upload(path, "setup.exe", exe, LEAD_FGW));
    // the extension hidden behind a right-to-left override is still .exe
    assertRefused(upload(path, "report\u202Efdp.exe", pdf(1_000), LEAD_FGW));

    Reply empty = upload(path, "空.pdf", new byte[0], LEAD_FGW);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
    Reply noPart =
        http()
            .post()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + LEAD_FGW)
            .contentType(MediaType.parseMediaType("multipart/form-data; boundary=b0"))
            .body("--b0\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n--b0--\r\n")
            .exchange((request, response) -> reply(response));
    assertThat(noPart.status()).isEqualTo(400);
    assertThat(noPart.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
    Reply json = post(path, LEAD_FGW, Map.of("file", "x"));
    assertThat(json.status()).isEqualTo(415);
    assertThat(json.headers().getContentType().toString()).startsWith("application/problem+json");

    assertThat(count("attachments.files")).isEqualTo(files);
    assertThat(count("attachments.chunks")).isEqualTo(chunks);
  }

  @Test
  void twentyMibIsTheLimitAndLargerIs413WithNothingStored() {
    String path = "/api/items/" + fgwItem + "/attachments";
    long chunks = count("attachments.chunks");

    Reply tooLarge = upload(path, "扫描件.pdf", pdf(20 * MIB + 1), LEAD_FGW);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.headers().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(tooLarge.body().path("status").asInt()).isEqualTo(413);
    assertThat(count("attachments.chunks")).isEqualTo(chunks);

    byte[] largest = pdf(20 * MIB);
    Reply fits = upload(path, "扫描件.pdf", largest, LEAD_FGW);
    assertThat(fits.status()).as(String.valueOf(fits.body())).isEqualTo(201);
    assertThat(fits.body().path("size").asLong()).isEqualTo(20L * MIB);
    assertThat(get("/api/attachments/" + fits.text("id"), INSPECTOR).raw()).isEqualTo(largest);
  }

  @Test
  void anotherUnitsLeadFindsNothingThereAndOtherRolesOnlyRead() {
    String id =
        upload("/api/items/" + fgwItem + "/attachments", "a.pdf", pdf(10), LEAD_FGW).text("id");
    long files = count("attachments.files");

    // to another unit's lead, the item, the finding and the file are as unknown as made-up ids
    assertFilesUnknownTo(LEAD_JW, fgwItem, id);
    assertNotFound(
        upload("/api/findings/" + finding + "/attachments", "b.pdf", pdf(10), LEAD_JW),
        upload("/api/findings/nope/attachments", "b.pdf", pdf(10), LEAD_JW),
        "finding-not-found");

    for (String reader : List.of(AUDITOR, ADMIN)) {
      assertThat(
              upload("/api/items/" + fgwItem + "/attachments", "c.pdf", pdf(10), reader).status())
          .isEqualTo(403);
      assertThat(get("/api/attachments/" + id, reader).status()).isEqualTo(200);
    }
    for (String stranger : List.of(HR, EVALUATOR)) {
      assertThat(get("/api/attachments/" + id, stranger).status()).isEqualTo(403);
      assertThat(get("/api/items/" + fgwItem + "/attachments", stranger).status()).isEqualTo(403);
    }
    assertThat(get("/api/attachments/" + id, null).status()).isEqualTo(401);
    assertThat(count("attachments.files")).isEqualTo(files);

    assertThat(get("/api/attachments/nope", INSPECTOR).status()).isEqualTo(404);
    assertThat(get("/api/items/nope/attachments", INSPECTOR).status()).isEqualTo(404);
    assertThat(upload("/api/items/nope/attachments", "a.pdf", pdf(10), INSPECTOR).status())
        .isEqualTo(404);
    assertThat(upload("/api/findings/nope/attachments", "a.pdf", pdf(10), INSPECTOR).status())
        .isEqualTo(404);
  }

  @Test
  void progressAndRectificationCiteFilesUploadedForThem() {
    String forItem =
        upload("/api/items/" + fgwItem + "/attachments", "专题会议纪要.pdf", pdf(2_000), LEAD_FGW)
            .text("id");
    String forFinding =
        upload("/api/findings/" + finding + "/attachments", "整改照片.png", png(500), LEAD_FGW)
            .text("id");
    String otherItem = publishedItem("FGW", DAY.plusDays(40));
    String elsewhere =
        upload("/api/items/" + otherItem + "/attachments", "其他.pdf", pdf(100), LEAD_FGW).text("id");

    for (List<String> bad :
        List.of(
            List.of(elsewhere), List.of(forFinding), List.of(forItem, UUID.randomUUID() + ""))) {
      Reply refused =
          post(
              "/api/items/" + fgwItem + "/progress",
              LEAD_FGW,
              Map.of("note", "已召开专题会议", "attachmentIds", bad));
      assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
      assertThat(refused.body().path("errors").get(0).path("field").asString())
          .isEqualTo("attachmentIds");
    }
    int historyBefore = get("/api/items/" + fgwItem, INSPECTOR).body().path("history").size();

    Reply progress =
        post(
            "/api/items/" + fgwItem + "/progress",
            LEAD_FGW,
            Map.of("note", "已召开专题会议", "attachmentIds", List.of(forItem)));
    assertThat(progress.status()).isEqualTo(201);
    JsonNode history = progress.body().path("history");
    assertThat(history.size()).isEqualTo(historyBefore + 1);
    JsonNode cited = history.get(history.size() - 1).path("evidence").get(0);
    assertThat(cited.path("attachmentId").asString()).isEqualTo(forItem);
    assertThat(cited.path("name").asString()).isEqualTo("专题会议纪要.pdf");
    assertThat(cited.path("uri").asString()).isEqualTo("/api/attachments/" + forItem);
    assertThat(cited.path("contentType").asString()).isEqualTo("application/pdf");
    assertThat(cited.path("size").asLong()).isEqualTo(2_000);

    Reply wrongFile =
        post(
            "/api/findings/" + finding + "/rectification",
            LEAD_FGW,
            Map.of("report", "已整改", "attachmentIds", List.of(forItem)));
    assertThat(wrongFile.status()).isEqualTo(400);
    assertThat(wrongFile.body().path("errors").get(0).path("field").asString())
        .isEqualTo("attachmentIds");
    assertThat(
            get("/api/items/" + fgwItem, INSPECTOR)
                .body()
                .path("findings")
                .get(0)
                .path("status")
                .asString())
        .isEqualTo("OPEN");

    Reply rectified =
        post(
            "/api/findings/" + finding + "/rectification",
            LEAD_FGW,
            Map.of("report", "已整改到位", "attachmentIds", List.of(forFinding)));
    assertThat(rectified.status()).isEqualTo(200);
    assertThat(rectified.text("status")).isEqualTo("RECTIFIED");
    assertThat(rectified.body().path("evidence").get(0).path("attachmentId").asString())
        .isEqualTo(forFinding);
    JsonNode item = get("/api/items/" + fgwItem, LEAD_FGW).body();
    JsonNode last = item.path("history").get(item.path("history").size() - 1);
    assertThat(last.path("kind").asString()).isEqualTo("FINDING_RECTIFIED");
    assertThat(last.path("evidence").get(0).path("uri").asString())
        .isEqualTo("/api/attachments/" + forFinding);
    assertThat(item.path("findings").get(0).path("evidence").get(0).path("name").asString())
        .isEqualTo("整改照片.png");
  }

  @Test
  void withdrawingADraftItemRemovesItsFiles() {
    String checklist = newChecklist();
    String draft = addItem(checklist, "FGW", DAY.plusDays(20));
    String id =
        upload("/api/items/" + draft + "/attachments", "草稿附件.pdf", pdf(300_000), INSPECTOR)
            .text("id");
    assertThat(chunksOf(id)).isEqualTo(2);

    assertThat(
            call(org.springframework.http.HttpMethod.DELETE, "/api/items/" + draft, INSPECTOR, null)
                .status())
        .isEqualTo(204);

    assertThat(get("/api/attachments/" + id, INSPECTOR).status()).isEqualTo(404);
    assertThat(chunksOf(id)).isZero();
  }

  @Test
  void aDraftItemsFilesAreHiddenFromItsUnitLeadUntilPublished() {
    String checklist = newChecklist();
    String draft = addItem(checklist, "FGW", DAY.plusDays(20));
    String id =
        upload("/api/items/" + draft + "/attachments", "起草说明.pdf", pdf(100), INSPECTOR).text("id");
    long files = count("attachments.files");

    assertFilesUnknownTo(LEAD_FGW, draft, id);
    assertThat(count("attachments.files")).isEqualTo(files);

    publish(checklist);
    assertThat(
            get("/api/items/" + draft + "/attachments", LEAD_FGW)
                .body()
                .get(0)
                .path("id")
                .asString())
        .isEqualTo(id);
    assertThat(get("/api/attachments/" + id, LEAD_FGW).status()).isEqualTo(200);
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * To {@code lead}, the item's files are as unknown as a made-up item's: upload, list and the
   * download of {@code file} answer 404 alike, and no byte of the file leaves.
   */
  void assertFilesUnknownTo(String lead, String item, String file) {
    assertNotFound(
        upload("/api/items/" + item + "/attachments", "b.pdf", pdf(10), lead),
        upload("/api/items/nope/attachments", "b.pdf", pdf(10), lead),
        "item-not-found");
    assertNotFound(
        get("/api/items/" + item + "/attachments", lead),
        get("/api/items/nope/attachments", lead),
        "item-not-found");
    Reply download = get("/api/attachments/" + file, lead);
    assertNotFound(download, get("/api/attachments/nope", lead), "not-found");
    assertThat(download.raw()).asString().doesNotContain("%PDF");
  }

  /** A multipart upload as a browser sends it: the file name as UTF-8 in the part's header. */
  Reply upload(String path, String fileName, byte[] content, String token) {
    String boundary = "----evidence" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var request =
        http()
            .post()
            .uri(path)
            .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
            .body(body.toByteArray());
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return request.exchange((req, response) -> reply(response));
  }

  static void assertRefused(Reply reply) {
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(415);
    assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
    assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
  }

  long count(String collection) {
    return mongo.getCollection(collection).countDocuments();
  }

  long chunksOf(String id) {
    return mongo
        .getCollection("attachments.chunks")
        .countDocuments(Filters.eq("files_id", new BsonString(id)));
  }

  static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
    return bytes;
  }

  static byte[] png(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    return bytes;
  }

  static byte[] docx() throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText("专题会议纪要");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    }
  }

  static byte[] xlsx() throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      book.createSheet("台账").createRow(0).createCell(0).setCellValue("事项");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
