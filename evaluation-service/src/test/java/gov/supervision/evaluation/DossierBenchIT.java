package gov.supervision.evaluation;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import gov.supervision.testsupport.SuiteInfrastructure;
import gov.supervision.testsupport.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Dossier latency, p50/p99 over 1,000 reads of a cadre with 50 records: through the service (HTTP,
 * token check, file assembly, veto rule, access-log append) and, beside it, the raw driver read of
 * the same document. Not part of {@code verify} (tag {@code bench}); run with {@code ./mvnw -pl
 * evaluation-service verify -Dit.test=DossierBenchIT -Dtest=skip
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.excludedGroups=nothing}. Figures only, no timed
 * assertion; the embedded store says nothing about MongoDB's speed, hence the raw-driver baseline.
 */
@Tag("bench")
class DossierBenchIT extends EvaluationIT {

  static final int RECORDS = 50;
  static final int READS = 1_000;
  static final int WARMUP = 200;

  @Autowired MongoTemplate mongo;
  @Autowired gov.supervision.evaluation.accesslog.AccessLog accessLog;

  @Test
  void dossierLatency() throws Exception {
    String cadre = registerCadre("bench");
    for (int i = 0; i < RECORDS; i++) {
      recordEvaluation(
          cadre,
          evaluation(
              java.time.LocalDate.now(injectedClock).minusDays(RECORDS - i).toString(),
              i % 10 == 0 ? "BASICALLY_QUALIFIED" : "GOOD",
              1 + i % 5));
    }
    String path = "/api/cadres/" + cadre + "/dossier" + openCase("PROMOTION", cadre).query();
    String token = TestTokens.hr();
    for (int i = 0; i < WARMUP; i++) {
      assertThat(get(path, token).getStatusCode().value()).isEqualTo(200);
    }
    long[] service = new long[READS];
    for (int i = 0; i < READS; i++) {
      long start = System.nanoTime();
      var response = get(path, token);
      service[i] = System.nanoTime() - start;
      assertThat(response.getStatusCode().value()).isEqualTo(200);
    }

    long[] driver = new long[READS];
    try (MongoClient client = MongoClients.create(SuiteInfrastructure.get().mongoUri("suite"))) {
      MongoCollection<Document> cadres =
          client.getDatabase(mongo.getDb().getName()).getCollection("cadres");
      for (int i = 0; i < WARMUP; i++) {
        assertThat(cadres.find(eq("_id", cadre)).first()).isNotNull();
      }
      for (int i = 0; i < READS; i++) {
        long start = System.nanoTime();
        Document doc = cadres.find(eq("_id", cadre)).first();
        driver[i] = System.nanoTime() - start;
        assertThat(doc.get("cadre", Document.class).getList("records", Document.class))
            .hasSize(RECORDS);
      }
    }

    long[] append = new long[READS];
    for (int i = 0; i < READS; i++) {
      long start = System.nanoTime();
      accessLog.append(
          new gov.supervision.evaluation.accesslog.AccessLog.Read(
              "hr", java.util.List.of("HR"), cadre, "bench-2026", "bench", 200, null));
      append[i] = System.nanoTime() - start;
    }

    String report =
        String.format(
            "dossier of a cadre with %d records, %d reads after %d warm-up (%s cores):%n"
                + "  service (HTTP, JWT, assembly, veto rule, access-log append): p50 %.2f ms, p99 %.2f ms%n"
                + "  raw driver find by _id of the same document:                 p50 %.2f ms, p99 %.2f ms%n"
                + "  of which: access-log append alone (counter, link, insert):   p50 %.2f ms, p99 %.2f ms%n",
            RECORDS,
            READS,
            WARMUP,
            Runtime.getRuntime().availableProcessors(),
            percentile(service, 50),
            percentile(service, 99),
            percentile(driver, 50),
            percentile(driver, 99),
            percentile(append, 50),
            percentile(append, 99));
    System.out.println(report);
    Files.writeString(Path.of("target", "dossier-bench.txt"), report);
  }

  static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }
}
