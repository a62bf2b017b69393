package gov.supervision.evaluation.dossier;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gov.supervision.evaluation.cadre.CadreResponse;
import gov.supervision.evaluation.domain.CadreStatus;
import gov.supervision.evaluation.domain.DimensionSummary;
import gov.supervision.evaluation.domain.Purpose;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints a dossier: the page laid out by {@link DossierPage} is rendered to an A4 PDF by
 * openhtmltopdf with the embedded Noto Sans SC (subset, so the text stays real, selectable text),
 * then {@link Watermark} stamps every page with the reader, the unit, the time and 仅供审阅.
 */
@Component
class DossierPdf {

  private static final Logger log = LoggerFactory.getLogger(DossierPdf.class);
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

  /**
   * Renders one sample file in the background once the service is up, so that the first reader does
   * not wait for the fonts to be read and the renderer's classes to be loaded and compiled (seconds
   * on a busy machine, beyond the gateway's time limit).
   */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread warmUp =
        new Thread(
            () -> {
              try {
                long start = System.nanoTime();
                render(sample(), new Reader("预热", Reader.HR_DEPARTMENT));
                log.info(
                    "dossier printing warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
              } catch (RuntimeException e) {
                log.warn("dossier printing could not warm up: {}", e.toString());
              }
            },
            "dossier-pdf-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  private DossierResponse sample() {
    Instant now = clock.instant();
    return new DossierResponse(
        "预热-0001",
        new CaseView("warm-up", "预热-0001", Purpose.PROMOTION, Purpose.PROMOTION.label(), "预热样本"),
        new CadreResponse("warm-up", "黄干页", "FGW", "科长", CadreStatus.ACTIVE, now),
        List.of(),
        DimensionSummary.of(List.of(), 1),
        List.of(),
        new VetoView(Purpose.PROMOTION, Purpose.PROMOTION.label(), false, List.of()),
        new VetoView(Purpose.AWARD, Purpose.AWARD.label(), false, List.of()),
        now);
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
