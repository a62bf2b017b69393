package gov.supervision.evaluation.dossier;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * A diagonal, translucent text stamped over every page of a document, as paper files in review
 * meetings carry the reader's name: a PDFBox pass appending to each page's content (the page's own
 * content untouched), in the embedded CJK font so the text stays real text.
 */
record Watermark(String text) {

  static final float FONT_SIZE = 13f;
  static final float OPACITY = 0.16f;
  static final double ANGLE = Math.toRadians(35);

  /** Stamps every page; {@code font} is the TrueType font to embed (as a subset). */
  void stamp(PDDocument document, InputStream font) throws IOException {
    PDType0Font type0 = PDType0Font.load(document, font, true);
    PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
    translucent.setNonStrokingAlphaConstant(OPACITY);
    translucent.setStrokingAlphaConstant(OPACITY);
    float width = type0.getStringWidth(text) / 1000 * FONT_SIZE;
    for (PDPage page : document.getPages()) {
      PDRectangle box = page.getMediaBox();
      try (PDPageContentStream content =
          new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        content.setGraphicsStateParameters(translucent);
        content.setNonStrokingColor(0.45f, 0.45f, 0.45f);
        float stepX = (float) (width * Math.cos(ANGLE)) + 60;
        float stepY = 190;
        for (float y = -stepY / 2; y < box.getHeight(); y += stepY) {
          for (float x = -stepX / 3; x < box.getWidth(); x += stepX) {
            content.beginText();
            content.setFont(type0, FONT_SIZE);
            content.setTextMatrix(Matrix.getRotateInstance(ANGLE, x, y));
            content.showText(text);
            content.endText();
          }
        }
      }
    }
  }
}
