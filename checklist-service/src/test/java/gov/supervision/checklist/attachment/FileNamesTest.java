package gov.supervision.checklist.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class FileNamesTest {

  @Test
  void cleaningDropsDirectoriesAndCharactersThatDisguiseTheName() {
    assertThat(FileNames.clean("C:\\fakepath\\整改报告.pdf")).isEqualTo("整改报告.pdf");
    assertThat(FileNames.clean("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
    assertThat(FileNames.clean("  纪要\t\n.docx ")).isEqualTo("纪要.docx");
    assertThat(FileNames.clean("report\u202Efdp.exe")).isEqualTo("reportfdp.exe");
    assertThat(FileNames.clean("a\u200Bb.pdf")).isEqualTo("ab.pdf");
    assertThat(FileNames.clean("/")).isEmpty();
    assertThat(FileNames.clean(null)).isEmpty();
  }

  @Test
  void aLongNameIsCutToTheLimitKeepingItsExtension() {
    String cleaned = FileNames.clean("很长的文件名".repeat(50) + ".xlsx");
    assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(FileNames.MAX_LENGTH);
    assertThat(cleaned).startsWith("很长的文件名").endsWith("很长的.xlsx");
    assertThat(FileNames.extension(cleaned)).isEqualTo("xlsx");
    assertThat(FileNames.extension("扫描件.JPG")).isEqualTo("jpg");
    assertThat(FileNames.extension("无扩展名")).isEmpty();
  }

  @Test
  void dispositionCarriesTheUtf8NameAndAnAsciiStandIn() {
    String header = FileNames.contentDisposition("整改报告.pdf");
    assertThat(header)
        .isEqualTo(
            "attachment; filename=\"attachment.pdf\"; "
                + "filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf");
    assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("整改报告.pdf");

    assertThat(FileNames.contentDisposition("minutes 2026.docx"))
        .isEqualTo(
            "attachment; filename=\"minutes 2026.docx\"; filename*=UTF-8''minutes%202026.docx");
    assertThat(FileNames.asciiFallback("2026年报告.pdf")).isEqualTo("2026___.pdf");
    assertThat(FileNames.asciiFallback("a\"b\\c%.pdf")).isEqualTo("a_b_c_.pdf");
    assertThat(FileNames.asciiFallback("照片")).isEqualTo("attachment");
  }
}
