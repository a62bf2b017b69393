package gov.supervision.checklist.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class FileSnifferTest {

  static Optional<FileType> sniff(byte[] bytes) throws IOException {
    return FileSniffer.detect(new ByteArrayResource(bytes));
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void pdfAndImagesByTheirMagicBytes() throws IOException {
    assertThat(sniff(ascii("%PDF-1.4\n%âãÏÓ\n1 0 obj"))).contains(FileType.PDF);
    assertThat(sniff(ascii("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR"))).contains(FileType.PNG);
    assertThat(sniff(ascii("\u00ff\u00d8\u00ff\u00e0\0\u0010JFIF"))).contains(FileType.JPEG);
    assertThat(sniff(ascii("GIF89a\u0001\0\u0001\0"))).contains(FileType.GIF);
    assertThat(sniff(ascii("GIF87a\u0001\0\u0001\0"))).contains(FileType.GIF);
    assertThat(sniff(ascii("RIFF\u0024\0\0\0WEBPVP8 "))).contains(FileType.WEBP);
  }

  @Test
  void officeOpenXmlByTheMainPartItsPackageDeclaresAndHolds() throws IOException {
    assertThat(sniff(write(new XWPFDocument()))).contains(FileType.DOCX);
    assertThat(sniff(write(new XSSFWorkbook()))).contains(FileType.XLSX);
    assertThat(sniff(write(new XMLSlideShow()))).contains(FileType.PPTX);
  }

  @Test
  void legacyOfficeByTheStreamOfItsApplication() throws IOException {
    assertThat(sniff(write(new HSSFWorkbook()))).contains(FileType.XLS);
    assertThat(sniff(ole2("WordDocument"))).contains(FileType.DOC);
    assertThat(sniff(ole2("PowerPoint Document"))).contains(FileType.PPT);
    assertThat(sniff(ole2("SummaryInformation"))).isEmpty(); // e.g. an installer database
  }

  @Test
  void everythingElseIsNotAccepted() throws IOException {
    assertThat(sniff(new byte[0])).isEmpty();
    assertThat(sniff(ascii("MZ\u0090\0\u0003\0\0\0"))).isEmpty(); // a Windows program
    assertThat(sniff(ascii("\u007fELF\u0002\u0001\u0001"))).isEmpty();
    assertThat(sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"))).isEmpty();
    assertThat(sniff(ascii("<html><body>%PDF-1.4</body></html>"))).isEmpty();
    assertThat(sniff("纯文本说明".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(sniff(ascii("PK\u0003\u0004 truncated"))).isEmpty();
    assertThat(sniff(ascii("\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1 truncated")))
        .isEmpty();
  }

  @Test
  void aZipIsAnOfficeFileOnlyWithTheRightContentTypesAndParts() throws IOException {
    String docxMain =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    assertThat(sniff(zip(types("/word/document.xml", docxMain), "word/document.xml")))
        .contains(FileType.DOCX);
    // declared but missing, missing declaration, a plain archive
    assertThat(sniff(zip(types("/word/document.xml", docxMain), "word/other.xml"))).isEmpty();
    assertThat(sniff(zip(null, "word/document.xml"))).isEmpty();
    assertThat(sniff(zip(null, "readme.txt", "setup.exe"))).isEmpty();
    // macro-enabled documents and templates are other types
    assertThat(
            sniff(
                zip(
                    types(
                        "/word/document.xml",
                        "application/vnd.ms-word.document.macroEnabled.main+xml"),
                    "word/document.xml")))
        .isEmpty();
    assertThat(
            sniff(
                zip(
                    types(
                        "/xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
                    "xl/workbook.xml")))
        .isEmpty();
    // a declaration with a DOCTYPE (entity tricks) is not read
    String withDoctype =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + types("/word/document.xml", docxMain).substring(38);
    assertThat(sniff(zip(withDoctype, "word/document.xml"))).isEmpty();
  }

  @Test
  void anOversizedContentTypesDeclarationIsNotInflatedWhole() throws IOException {
    String huge = "<Types>" + " ".repeat(3 << 20) + "</Types>"; // deflates to a few KiB
    assertThat(sniff(zip(huge, "word/document.xml"))).isEmpty();
  }

  static String types(String part, String contentType) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\""
        + part
        + "\" ContentType=\""
        + contentType
        + "\"/></Types>";
  }

  static byte[] zip(String contentTypes, String... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      if (contentTypes != null) {
        zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
        zip.write(contentTypes.getBytes(StandardCharsets.UTF_8));
      }
      for (String part : parts) {
        zip.putNextEntry(new ZipEntry(part));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  static byte[] ole2(String stream) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  static byte[] write(org.apache.poi.ooxml.POIXMLDocument document) throws IOException {
    try (document) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    }
  }

  static byte[] write(HSSFWorkbook workbook) throws IOException {
    try (workbook) {
      workbook.createSheet("台账");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
