package gov.supervision.evaluation.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.evaluation.EvaluationIT;
import gov.supervision.testsupport.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HR's dossier reads while someone floods refused reads: 300 timed HR reads (after 50 warm-up
 * reads) with no flood, then while 4 threads of one unit lead send refused reads of the same file
 * as fast as they can (past the person's limit they are 429 and not logged one by one). Reports
 * HR's p50/p99 in both runs and the flood's rate and outcomes. Not part of {@code verify} (tag
 * {@code bench}); {@code bench/refused-read-flood.sh} runs it and prints {@code
 * target/refused-read-flood-bench.txt}. Figures only, no timed assertion.
 */
@Tag("bench")
class RefusedFloodBenchIT extends EvaluationIT {

  static final int WARMUP = 50;
  static final int READS = 300;
  static final int FLOODERS = 4;

  @Test
  void hrReadsWhileRefusedReadsFlood() throws Exception {
    String cadre = registerCadre("flood-bench");
    for (int r = 0; r < 10; r++) {
      recordEvaluation(cadre, evaluation("2025-0" + (1 + r % 9) + "-10", "GOOD", 4));
    }
    String path = "/api/cadres/" + cadre + "/dossier" + openCase("PROMOTION", cadre).query();
    String hr = TestTokens.hr();
    for (int i = 0; i < WARMUP; i++) {
      assertThat(get(path, hr).getStatusCode().value()).isEqualTo(200);
    }
    List<Long> quiet = timedReads(path, hr);

    String flooder = TestTokens.token(newId("lead-flood"), "FGW", "UNIT_LEAD");
    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicLong sent = new AtomicLong();
    AtomicLong limited = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
    for (int t = 0; t < FLOODERS; t++) {
      pool.submit(
          () -> {
            while (flooding.get()) {
              int status = get(path, flooder).getStatusCode().value();
              sent.incrementAndGet();
              if (status == 429) {
                limited.incrementAndGet();
              }
            }
          });
    }
    Thread.sleep(500);
    long floodStart = System.nanoTime();
    long sentBefore = sent.get();
    List<Long> flooded = timedReads(path, hr);
    double seconds = (System.nanoTime() - floodStart) / 1e9;
    long floodRequests = sent.get() - sentBefore;
    flooding.set(false);
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);

    String report =
        String.format(
            "HR dossier read, %d timed reads: quiet p50 %.1f ms / p99 %.1f ms; while %d threads of"
                + " one unit lead flood refused reads (%.0f requests/s, %d of %d answered 429):"
                + " p50 %.1f ms / p99 %.1f ms%n",
            READS,
            percentile(quiet, 50),
            percentile(quiet, 99),
            FLOODERS,
            floodRequests / seconds,
            limited.get(),
            sent.get(),
            percentile(flooded, 50),
            percentile(flooded, 99));
    System.out.print(report);
    Files.writeString(Path.of("target/refused-read-flood-bench.txt"), report);
  }

  private List<Long> timedReads(String path, String token) {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < READS; i++) {
      long t = System.nanoTime();
      assertThat(get(path, token).getStatusCode().value()).isEqualTo(200);
      nanos.add(System.nanoTime() - t);
    }
    Collections.sort(nanos);
    return nanos;
  }

  private static double percentile(List<Long> sortedNanos, int p) {
    int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, index)) / 1e6;
  }
}
