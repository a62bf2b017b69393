package gov.supervision.evaluation.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.evaluation.EvaluationIT;
import gov.supervision.evaluation.domain.ReviewCase;
import gov.supervision.evaluation.reviewcase.ReviewCases;
import gov.supervision.testsupport.TestTokens;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Printed-dossier render time and size over 100 dossiers (one per cadre, 15 evaluation records
 * each, one vetoing): p50/p99 of the render alone (file assembly, openhtmltopdf layout with the
 * embedded Noto Sans SC subset, the watermark pass, save) and of the whole HTTP download as HR
 * (token, case rules, access-log append, render). Not part of {@code verify} (tag {@code bench});
 * {@code bench/dossier-pdf.sh} runs it and prints {@code target/dossier-pdf-bench.txt}. Figures
 * only, no timed assertion.
 */
@Tag("bench")
class DossierPdfBenchIT extends EvaluationIT {

  static final int DOSSIERS = 100;
  static final int RECORDS = 15;
  static final int WARMUP = 10;

  @Autowired Dossiers dossiers;
  @Autowired DossierPdf pdf;
  @Autowired ReviewCases cases;

  @Test
  void renderTimeAndSize() throws Exception {
    List<String> cadres = new ArrayList<>();
    LocalDate first = LocalDate.now(injectedClock).minusDays(RECORDS * 20L);
    for (int i = 0; i < DOSSIERS; i++) {
      String cadre = newId("bench-pdf");
      post(
          "/api/cadres",
          TestTokens.admin(),
          Map.of("id", cadre, "name", "黄干页" + i, "unit", "FGW", "position", "副处长"));
      for (int r = 0; r < RECORDS; r++) {
        String conclusion = r == RECORDS - 1 && i % 2 == 0 ? "UNQUALIFIED" : "GOOD";
        recordEvaluation(
            cadre, evaluation(first.plusDays(r * 20L).toString(), conclusion, 1 + (r + i) % 5));
      }
      cadres.add(cadre);
    }
    OpenCase open = openCase("PROMOTION", cadres.toArray(String[]::new));
    ReviewCase reviewCase = cases.byId(open.id()).orElseThrow();
    String token = TestTokens.named("hr", "刘人事", null, "HR");
    Reader reader = new Reader("刘人事", Reader.HR_DEPARTMENT);

    for (int i = 0; i < WARMUP; i++) {
      pdf.render(dossiers.dossier(cadres.get(i), reviewCase), reader);
    }
    long[] render = new long[DOSSIERS];
    long[] sizes = new long[DOSSIERS];
    for (int i = 0; i < DOSSIERS; i++) {
      long start = System.nanoTime();
      byte[] document = pdf.render(dossiers.dossier(cadres.get(i), reviewCase), reader);
      render[i] = System.nanoTime() - start;
      sizes[i] = document.length;
    }
    long[] download = new long[DOSSIERS];
    for (int i = 0; i < DOSSIERS; i++) {
      long start = System.nanoTime();
      var response =
          http()
              .get()
              .uri(
                  URI.create(
                      "http://127.0.0.1:"
                          + port
                          + "/api/cadres/"
                          + cadres.get(i)
                          + "/dossier.pdf"
                          + open.query()))
              .header("Authorization", "Bearer " + token)
              .retrieve()
              .toEntity(byte[].class);
      download[i] = System.nanoTime() - start;
      assertThat(response.getStatusCode().value()).isEqualTo(200);
    }

    String report =
        String.format(
            "printed dossier, %d dossiers of %d records (A4, Noto Sans SC subset, watermark)%n"
                + "render alone:  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n"
                + "HTTP download: p50 %.1f ms  p99 %.1f ms  max %.1f ms%n"
                + "size: min %d KiB  median %d KiB  max %d KiB%n",
            DOSSIERS,
            RECORDS,
            ms(render, 0.50),
            ms(render, 0.99),
            ms(render, 1.0),
            ms(download, 0.50),
            ms(download, 0.99),
            ms(download, 1.0),
            quantile(sizes, 0.0) / 1024,
            quantile(sizes, 0.50) / 1024,
            quantile(sizes, 1.0) / 1024);
    Files.writeString(Path.of("target", "dossier-pdf-bench.txt"), report);
    System.out.print(report);
  }

  static double ms(long[] nanos, double q) {
    return quantile(nanos, q) / 1_000_000.0;
  }

  static long quantile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.max(0, Math.ceil(q * sorted.length) - 1);
    return sorted[index];
  }
}
