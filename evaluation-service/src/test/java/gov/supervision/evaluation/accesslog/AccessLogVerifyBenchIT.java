package gov.supervision.evaluation.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.evaluation.EvaluationIT;
import gov.supervision.testsupport.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * How long {@code verify} takes over an honest log of 10,000 entries (seals, links, hashes, 100
 * checkpoints, the witness asked): the walk alone and the auditor's HTTP call, 7 runs each after a
 * warm-up. Not part of {@code verify} (tag {@code bench}); {@code bench/access-log-verify.sh} runs
 * it and prints {@code target/access-log-verify-bench.txt}. Figures only, no timed assertion.
 */
@Tag("bench")
class AccessLogVerifyBenchIT extends EvaluationIT {

  static final int ENTRIES = 10_000;
  static final int RUNS = 7;

  @Autowired AccessLog accessLog;
  @Autowired ChainVerifier verifier;
  @Autowired MongoTemplate mongo;

  @Test
  void verifyTimeOverTenThousandEntries() throws Exception {
    long existing = mongo.count(new Query(), AccessLog.COLLECTION);
    long appendStart = System.nanoTime();
    for (long i = existing; i < ENTRIES; i++) {
      accessLog.append(
          new AccessLog.Read(
              "hr", List.of("HR"), "bench-" + (i % 500), "审查-bench", "dossier", 200, null));
    }
    long appendMillis = (System.nanoTime() - appendStart) / 1_000_000;
    long entries = mongo.count(new Query(), AccessLog.COLLECTION);

    Witness.Answer none = new Witness.Answer(true, List.of(), null);
    verifier.verify(none); // warm-up
    List<Long> walk = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      Verification v = verifier.verify(none);
      walk.add((System.nanoTime() - t) / 1_000_000);
      assertThat(v.valid()).isTrue();
      assertThat(v.checked()).isEqualTo(entries);
    }
    List<Long> http = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      JsonNode v = body(get("/api/access-log/verify", TestTokens.auditor()));
      http.add((System.nanoTime() - t) / 1_000_000);
      assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
    }
    Collections.sort(walk);
    Collections.sort(http);
    String report =
        String.format(
            "access-log verify over %d entries (%d checkpoints): walk median %d ms (min %d, max %d);"
                + " GET /api/access-log/verify median %d ms (min %d, max %d); appending them took"
                + " %d ms%n",
            entries,
            mongo.count(new Query(), AccessLogCheckpoints.COLLECTION),
            walk.get(RUNS / 2),
            walk.get(0),
            walk.get(RUNS - 1),
            http.get(RUNS / 2),
            http.get(0),
            http.get(RUNS - 1),
            appendMillis);
    System.out.print(report);
    Files.writeString(Path.of("target/access-log-verify-bench.txt"), report);
  }
}
