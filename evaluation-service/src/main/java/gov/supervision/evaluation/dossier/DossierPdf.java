package gov.supervision.evaluation.dossier;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gov.supervision.evaluation.dossier.DossierApi.DossierResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * Prints a dossier: the page laid out by {@link DossierPage} is rendered to an A4 PDF by
 * openhtmltopdf with the embedded Noto Sans SC (subset, so the text stays real, selectable text),
 * then {@link Watermark} stamps every page with the reader, the unit, the time and 仅供审阅.
 */
@Component
class DossierPdf {

  static final String FONT_FAMILY = "Noto Sans SC";
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clock clock;

  DossierPdf(Clock clock) {
    this.clock = clock;
  }

  /** The PDF bytes of the dossier as {@code reader} prints it now. */
  byte[] render(DossierResponse dossier, Reader reader) {
    String printedAt = ZonedDateTime.now(clock).format(MINUTE);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(
        () -> new ByteArrayInputStream(Fonts.REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(
        () -> new ByteArrayInputStream(Fonts.BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
    builder.withHtmlContent(DossierPage.html(dossier, printedAt), null);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.createPDFWithoutClosing();
      PDDocument document = renderer.getPdfDocument();
      document.getDocumentInformation().setTitle("干部政治素质档案 " + dossier.cadre().name());
      document.getDocumentInformation().setSubject(dossier.purpose());
      new Watermark(reader.displayName() + " " + reader.unit() + " " + printedAt + " 仅供审阅")
          .stamp(document, new ByteArrayInputStream(Fonts.REGULAR));
      ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not print the dossier", e);
    }
  }

  /** The TrueType fonts shipped in the jar ({@code fonts/}, SIL OFL 1.1), read once. */
  static final class Fonts {
    static final byte[] REGULAR = read("/fonts/NotoSansSC-Regular.ttf");
    static final byte[] BOLD = read("/fonts/NotoSansSC-Bold.ttf");

    private Fonts() {}

    private static byte[] read(String resource) {
      try (InputStream in = DossierPdf.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(
              "font " + resource + " missing from the build (see evaluation-service/pom.xml)");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
