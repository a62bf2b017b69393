package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import gov.supervision.evaluation.accesslog.AccessLog;
import gov.supervision.evaluation.accesslog.AccessLogCheckpoints;
import gov.supervision.evaluation.accesslog.AccessLogEntry;
import gov.supervision.evaluation.accesslog.AccessLogKey;
import gov.supervision.testsupport.SuiteInfrastructure;
import gov.supervision.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** The hash chain: concurrent writers of two "instances", tampering, a writer that died. */
class AccessLogChainIT extends EvaluationIT {

  @Autowired AccessLog accessLog;
  @Autowired AccessLogKey key;
  @Autowired AccessLogCheckpoints checkpoints;
  @Autowired MongoTemplate mongo;

  @Test
  void writersOfTwoInstancesOnSeveralThreadsKeepOneChain() throws Exception {
    try (MongoClient otherClient =
        MongoClients.create(SuiteInfrastructure.get().mongoUri("suite"))) {
      // a second application instance: its own connection pool, its own AccessLog
      AccessLog otherInstance =
          new AccessLog(
              new MongoTemplate(otherClient, mongo.getDb().getName()),
              injectedClock,
              Duration.ofSeconds(1),
              key,
              checkpoints);
      String cadre = newId("chain");
      long started = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<AccessLogEntry>> writes = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        AccessLog writer = i % 2 == 0 ? accessLog : otherInstance;
        int n = i;
        writes.add(
            pool.submit(
                () ->
                    writer.append(
                        new AccessLog.Read(
                            "hr", List.of("HR"), cadre, "并发 " + n, "dossier", 200, null))));
      }
      Set<Long> seqs = new HashSet<>();
      for (Future<AccessLogEntry> write : writes) {
        seqs.add(write.get().seq());
      }
      pool.shutdown();
      System.out.printf(
          "chain: 60 concurrent appends in %d ms, gaps: %d%n",
          (System.nanoTime() - started) / 1_000_000,
          mongo.count(new Query(Criteria.where("endpoint").is("GAP")), "access_log"));
      assertThat(seqs).hasSize(60);
    }

    List<Document> all = mongo.findAll(Document.class, "access_log");
    Set<String> prevHashes = new HashSet<>();
    all.forEach(d -> prevHashes.add(d.getString("prevHash")));
    assertThat(prevHashes).as("no two entries link to the same predecessor").hasSize(all.size());

    JsonNode verify = body(get("/api/access-log/verify", TestTokens.auditor()));
    assertThat(verify.get("valid").asBoolean()).isTrue();
    assertThat(verify.get("checked").asLong()).isEqualTo(all.size());
    assertThat(verify.get("firstBrokenSeq").isNull()).isTrue();
  }

  @Test
  void anEntryEditedInTheStoreIsFoundByVerify() {
    String cadre = registerCadre("tamper");
    OpenCase reviewCase = openCase("AWARD", cadre);
    get("/api/cadres/" + cadre + "/dossier" + reviewCase.query(), TestTokens.hr());
    get("/api/cadres/" + cadre + "/award-eligibility" + reviewCase.query(), TestTokens.hr());
    JsonNode entries = body(get("/api/access-log?cadreId=" + cadre, TestTokens.auditor()));
    long seq = entries.get("content").get(1).get("seq").asLong();
    assertThat(body(get("/api/access-log/verify", TestTokens.auditor())).get("valid").asBoolean())
        .isTrue();

    var collection = mongo.getCollection("access_log");
    try (MongoClient raw = MongoClients.create(SuiteInfrastructure.get().mongoUri("suite"))) {
      raw.getDatabase(mongo.getDb().getName())
          .getCollection("access_log")
          .updateOne(Filters.eq("_id", seq), Updates.set("actor", "someone-else"));
    }
    JsonNode broken = body(get("/api/access-log/verify", TestTokens.auditor()));
    assertThat(broken.get("valid").asBoolean()).isFalse();
    assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
    assertThat(broken.get("checked").asLong()).isEqualTo(seq - 1);

    // re-hashing the edited entry does not help: its seal (by the key) no longer matches, and the
    // next entry still holds the old hash
    Document edited = collection.find(Filters.eq("_id", seq)).first();
    String forged = sha256(edited.getString("prevHash"), AccessLogEntry_canonical(edited));
    collection.updateOne(Filters.eq("_id", seq), Updates.set("hash", forged));
    JsonNode stillBroken = body(get("/api/access-log/verify", TestTokens.auditor()));
    assertThat(stillBroken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
    assertThat(stillBroken.get("problems").toString()).contains("SEAL").contains("LINK");

    // restore, so the shared chain is whole again for the other tests
    collection.updateOne(
        Filters.eq("_id", seq),
        Updates.combine(
            Updates.set("actor", "hr"),
            Updates.set("hash", entries.get("content").get(1).get("hash").asString())));
    assertThat(body(get("/api/access-log/verify", TestTokens.auditor())).get("valid").asBoolean())
        .isTrue();
  }

  @Test
  void aWriterThatDiedAfterTakingItsNumberLeavesAGapEntryNotABrokenChain() {
    Document counter =
        mongo.findAndModify(
            new Query(Criteria.where("_id").is("access_log")),
            new Update().inc("seq", 1L),
            FindAndModifyOptions.options().returnNew(true).upsert(true),
            Document.class,
            "counters");
    long dead = ((Number) counter.get("seq")).longValue();

    AccessLogEntry next =
        accessLog.append(
            new AccessLog.Read("hr", List.of("HR"), "gap-test", "abc", "dossier", 200, null));

    assertThat(next.seq()).isGreaterThan(dead);
    Document gap = mongo.findById(dead, Document.class, "access_log");
    assertThat(gap.getString("endpoint")).isEqualTo("GAP");
    assertThat(body(get("/api/access-log/verify", TestTokens.auditor())).get("valid").asBoolean())
        .isTrue();
  }

  /** The canonical form as {@code AccessLogEntry} computes it, from a stored document. */
  static String AccessLogEntry_canonical(Document d) {
    StringBuilder out = new StringBuilder();
    Object[] fields = {
      String.valueOf(((Number) d.get("_id")).longValue()),
      d.getString("actor"),
      String.join(",", d.getList("roles", String.class)),
      d.getDate("at").toInstant().toString(),
      d.getString("cadreId"),
      d.getString("purpose"),
      d.getString("endpoint"),
      String.valueOf(d.get("outcome")),
      d.getString("requestId")
    };
    for (Object f : fields) {
      String field = (String) f;
      out.append(field == null ? -1 : field.length()).append(':');
      if (field != null) {
        out.append(field);
      }
      out.append(';');
    }
    return out.toString();
  }

  static String sha256(String prev, String canonical) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest((prev + canonical).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
