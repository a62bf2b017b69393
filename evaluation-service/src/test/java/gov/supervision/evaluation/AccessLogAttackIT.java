package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import gov.supervision.contracts.Topics;
import gov.supervision.evaluation.accesslog.AccessLog;
import gov.supervision.evaluation.accesslog.AccessLogCheckpoints;
import gov.supervision.evaluation.accesslog.AccessLogEntry;
import gov.supervision.evaluation.accesslog.AccessLogKey;
import gov.supervision.evaluation.config.AccessLogProperties;
import gov.supervision.testsupport.TestTokens;
import gov.supervision.testsupport.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The three ways to quietly cut or rewrite the access log, each done directly on the store as
 * someone with write access to the database would, and each reported by {@code verify} with the
 * entry where the chain breaks. Before the counter, the seals and the witnessed checkpoints, {@code
 * verify} answered {@code valid: true} to all three: it stopped where the documents stopped, a
 * refilled {@code GAP} chained correctly, and a re-hashed chain was self-consistent.
 *
 * <p>Each test restores the shared store afterwards, so the other tests see an intact chain.
 */
class AccessLogAttackIT extends AccessLogStoreIT {

  static final String CHECKPOINTED = "gov.supervision.access-log.checkpointed.v1";

  @Autowired AccessLogCheckpoints checkpoints;
  @Autowired AccessLogKey key;
  @Autowired AccessLogProperties properties;

  @Test
  void cuttingTheNewestEntriesAndLoweringTheCounterIsReportedWhereTheCutBegins() {
    long head = witnessedLogOfEightMore();
    assertIntact();

    // the attack: delete the three newest entries and their checkpoints, lower the counter
    entries().deleteMany(Filters.gte("_id", head - 2));
    mongo.getCollection(AccessLogCheckpoints.COLLECTION).deleteMany(Filters.gte("_id", head - 2));
    mongo
        .getCollection("counters")
        .updateOne(Filters.eq("_id", "access_log"), Updates.set("seq", head - 3));

    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isFalse();
    assertThat(verify.get("firstBrokenSeq").asLong()).isEqualTo(head - 2);
    assertThat(verify.get("head").asLong()).isEqualTo(head - 3);
    assertThat(verify.get("witness").asString()).isEqualTo("BROKEN");
    assertThat(verify.get("witnessedSeq").asLong()).isEqualTo(head);
    assertThat(kinds(verify)).contains("WITNESS");
    assertThat(verify.get("checked").asLong()).isEqualTo(head - 3);
  }

  @Test
  void deletingEntriesAndLettingTheNextAppendFillGapsIsReportedAtTheFirstRefilledEntry() {
    long head = witnessedLogOfEightMore();
    assertIntact();

    // the attack: delete the three newest entries and their checkpoints, keep the counter...
    entries().deleteMany(Filters.gte("_id", head - 2));
    mongo.getCollection(AccessLogCheckpoints.COLLECTION).deleteMany(Filters.gte("_id", head - 2));
    // ...and let the service's next append (after a restart, or on another replica) declare the
    // missing numbers GAPs (chained, sealed)
    AccessLog restarted =
        new AccessLog(mongo, injectedClock, Duration.ofSeconds(1), key, checkpoints);
    AccessLogEntry next = restarted.append(read("after-the-attack"));
    assertThat(next.seq()).isEqualTo(head + 1);
    for (long seq = head - 2; seq <= head; seq++) {
      assertThat(entries().find(Filters.eq("_id", seq)).first().getString("endpoint"))
          .isEqualTo("GAP");
    }

    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isFalse();
    assertThat(verify.get("firstBrokenSeq").asLong()).isEqualTo(head - 2);
    assertThat(verify.get("witness").asString()).isEqualTo("BROKEN");
    assertThat(verify.get("gaps").toString())
        .contains("{\"from\":" + (head - 2) + ",\"to\":" + head + ",\"kind\":\"GAP\"}");
  }

  @Test
  void rewritingAnEntryAndReHashingTheRestIsReportedAtTheRewrittenEntry() {
    long head = witnessedLogOfEightMore();
    assertIntact();
    long rewritten = head - 3;

    // the attack: change who read entry k, then re-hash k..head so that every link holds again
    entries().updateOne(Filters.eq("_id", rewritten), Updates.set("actor", "someone-else"));
    reHashFrom(rewritten, false);

    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isFalse();
    assertThat(verify.get("firstBrokenSeq").asLong()).isEqualTo(rewritten);
    assertThat(kinds(verify)).contains("SEAL", "WITNESS").doesNotContain("LINK", "HASH");

    // stripping the seals instead does not help either
    reHashFrom(rewritten, true);
    JsonNode stripped = verify();
    assertThat(stripped.get("firstBrokenSeq").asLong()).isEqualTo(rewritten);
    assertThat(kinds(stripped)).contains("SEAL");
  }

  @Test
  void aCheckpointThatTheKeyDidNotSignIsAnAlarmNotAProof() {
    long head = witnessedLogOfEightMore();
    WitnessStub.get()
        .keep(
            "{\"seq\":"
                + (head + 50)
                + ",\"headHash\":\""
                + "a".repeat(64)
                + "\",\"time\":\"2026-01-01T00:00:00Z\",\"keyId\":\"k-00000000\",\"signature\":\""
                + "b".repeat(64)
                + "\"}");
    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).isFalse();
    assertThat(verify.get("firstBrokenSeq").isNull()).isTrue();
    assertThat(kinds(verify)).contains("WITNESS_SIGNATURE");
  }

  @Test
  void anUnreachableWitnessIsSaidSoAndTheChainIsStillChecked() {
    witnessedLogOfEightMore();
    WitnessStub.get().down(true);
    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
    assertThat(verify.get("witness").asString()).isEqualTo("UNAVAILABLE");
    assertThat(kinds(verify)).contains("WITNESS_UNAVAILABLE");
  }

  @Test
  void aWitnessInstanceThatIsDownIsPassedOverForTheNext() throws Exception {
    assertThat(properties.witness().addresses())
        .extracting(java.net.URI::toString)
        .containsExactly(DEAD_WITNESS, WitnessStub.get().url());
    java.net.URI dead = java.net.URI.create(DEAD_WITNESS);
    assertThatThrownBy(() -> new java.net.Socket(dead.getHost(), dead.getPort()).close())
        .as("the first witness address refuses connections")
        .isInstanceOf(java.net.ConnectException.class);

    long head = witnessedLogOfEightMore();

    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
    assertThat(verify.get("witness").asString()).isEqualTo("MATCH");
    assertThat(verify.get("witnessedSeq").asLong()).isEqualTo(head);
    assertThat(kinds(verify)).doesNotContain("WITNESS_UNAVAILABLE");
  }

  @Test
  void everyHundredthEntryIsSignedAndAuditorsListTheCheckpoints() {
    AccessLogEntry last = accessLog.append(read("to-the-hundred"));
    while (last.seq() % 100 != 0) {
      last = accessLog.append(read("to-the-hundred"));
    }
    long hundred = last.seq();
    JsonNode listed = body(get("/api/access-log/checkpoints?size=5", TestTokens.auditor()));
    JsonNode newest = listed.get("content").get(0);
    assertThat(newest.get("seq").asLong()).isEqualTo(hundred);
    assertThat(newest.get("headHash").asString()).isEqualTo(last.hash());
    assertThat(newest.get("signature").asString()).hasSize(64);
    assertThat(newest.get("keyId").asString()).startsWith("k-");
    assertThat(listed.get("totalElements").asLong()).isPositive();
    assertProblem(get("/api/access-log/checkpoints", TestTokens.hr()), 403, null);
    assertProblem(get("/api/access-log/checkpoints?size=501", TestTokens.auditor()), 400, "size");
  }

  /** Appends 3 reads, has the head signed and witnessed, then 5 more, signed and witnessed. */
  private long witnessedLogOfEightMore() {
    try (TopicProbe probe = TopicProbe.tail(Topics.ACCESS_LOG)) {
      for (int i = 0; i < 3; i++) {
        accessLog.append(read("before"));
      }
      witness(probe);
      for (int i = 0; i < 5; i++) {
        accessLog.append(read("before"));
      }
      return witness(probe);
    }
  }

  /** Signs the head; the witness keeps the event as published on the topic. */
  private long witness(TopicProbe probe) {
    long seq = checkpoints.checkpointHead().orElseThrow().seq();
    relay.relayPending();
    ConsumerRecord<String, String> event =
        probe.await(
            r ->
                CHECKPOINTED.equals(TopicProbe.header(r, "ce_type"))
                    && json.readTree(r.value()).get("seq").asLong() == seq);
    assertThat(TopicProbe.header(event, "ce_source")).isEqualTo("/evaluation-service");
    assertThat(event.key()).isEqualTo("access-log");
    WitnessStub.get().keep(event.value());
    return seq;
  }

  private void assertIntact() {
    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
    assertThat(verify.get("witness").asString()).isEqualTo("MATCH");
    assertThat(verify.get("firstBrokenSeq").isNull()).isTrue();
  }

  /** Recomputes prevHash and hash of every entry from {@code from} on, as an attacker can. */
  private void reHashFrom(long from, boolean stripSeals) {
    String previous = entries().find(Filters.eq("_id", from - 1)).first().getString("hash");
    List<Document> rest =
        entries()
            .find(Filters.gte("_id", from))
            .sort(new Document("_id", 1))
            .into(new ArrayList<>());
    for (Document d : rest) {
      d.put("prevHash", previous);
      String hash = AccessLogChainIT.sha256(previous, AccessLogChainIT.AccessLogEntry_canonical(d));
      var update = Updates.combine(Updates.set("prevHash", previous), Updates.set("hash", hash));
      if (stripSeals) {
        update = Updates.combine(update, Updates.unset("mac"));
      }
      entries().updateOne(Filters.eq("_id", d.get("_id")), update);
      previous = hash;
    }
  }
}
