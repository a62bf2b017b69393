package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.Topics;
import gov.supervision.contracts.accesslog.AccessLogCheckpointed;
import gov.supervision.testsupport.TestTokens;
import gov.supervision.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The witness of evaluation-service's access log, on the real broker and store: every checkpoint
 * published is kept once per number in this service's database, a later different checkpoint for
 * the same number does not replace the first (it is recorded as a conflict), one from another
 * source is dead-lettered and not kept, and only auditors read them.
 */
class WitnessIT extends NotificationITSupport {

  /** Numbers far apart per test run, so tests sharing the store never collide. */
  private static final AtomicLong NEXT =
      new AtomicLong(1_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L) * 1_000L);

  @Autowired MongoTemplate mongo;

  @Test
  void everyCheckpointIsKeptOnceAndTheFirstOfANumberWins() {
    long seq = NEXT.addAndGet(100);
    AccessLogCheckpointed first = checkpoint(seq, "a");
    String firstId = send(first, "/evaluation-service", null);
    send(first, "/evaluation-service", firstId); // redelivered
    AccessLogCheckpointed rewritten = checkpoint(seq, "b");
    send(rewritten, "/evaluation-service", null);
    AccessLogCheckpointed next = checkpoint(seq + 1, "c");
    send(next, "/evaluation-service", null);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> mongo.findById(seq + 1, Document.class, "witnessed_checkpoints") != null);
    Document kept = mongo.findById(seq, Document.class, "witnessed_checkpoints");
    assertThat(kept.getString("headHash")).isEqualTo(first.headHash());
    assertThat(kept.getString("eventId")).isEqualTo(firstId);
    assertThat(kept.getList("conflicts", Document.class)).hasSize(1);
    assertThat(kept.getList("conflicts", Document.class).get(0).getString("headHash"))
        .isEqualTo(rewritten.headHash());

    JsonNode page =
        get(TestTokens.auditor(), "/api/notifications/witness/checkpoints?size=500").json();
    JsonNode newest = page.get("content").get(0);
    assertThat(newest.get("seq").asLong()).isGreaterThanOrEqualTo(seq + 1);
    JsonNode mine = null;
    for (JsonNode c : page.get("content")) {
      if (c.get("seq").asLong() == seq) {
        mine = c;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("headHash").asString()).isEqualTo(first.headHash());
    assertThat(mine.get("signature").asString()).isEqualTo(first.signature());
    assertThat(mine.get("conflicts").asInt()).isEqualTo(1);
  }

  @Test
  void aCheckpointFromAnotherSourceIsDeadLetteredNotKeptAndOnlyAuditorsRead() {
    long seq = NEXT.addAndGet(100);
    long marker = seq + 1;
    try (TopicProbe dlt = TopicProbe.tail(Topics.ACCESS_LOG + "-dlt")) {
      String forged = send(checkpoint(seq, "d"), "/checklist-service", null);
      send(checkpoint(marker, "e"), "/evaluation-service", null); // same partition, read after
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> mongo.findById(marker, Document.class, "witnessed_checkpoints") != null);
      assertThat(dlt.await(r -> forged.equals(TopicProbe.header(r, CloudEventHeaders.ID))))
          .isNotNull();
    }
    assertThat(mongo.findById(seq, Document.class, "witnessed_checkpoints")).isNull();

    for (String token :
        new String[] {TestTokens.hr(), TestTokens.admin(), TestTokens.inspector()}) {
      assertThat(get(token, "/api/notifications/witness/checkpoints").status()).isEqualTo(403);
    }
    assertThat(get(TestTokens.auditor(), "/api/notifications/witness/checkpoints?size=0").status())
        .isEqualTo(400);
  }

  private static AccessLogCheckpointed checkpoint(long seq, String hex) {
    return new AccessLogCheckpointed(
        seq,
        hex.repeat(64),
        Instant.parse("2026-03-02T01:00:00Z"),
        "k-1a2b3c4d",
        "0" + hex.repeat(63));
  }

  private String send(AccessLogCheckpointed checkpoint, String source, String ceId) {
    String id = ceId == null ? UUID.randomUUID().toString() : ceId;
    TopicProbe.send(
        Topics.ACCESS_LOG,
        AccessLogCheckpointed.KEY,
        json.writeValueAsString(checkpoint),
        Map.of(
            CloudEventHeaders.ID,
            id,
            CloudEventHeaders.TYPE,
            "gov.supervision.access-log.checkpointed.v1",
            CloudEventHeaders.SOURCE,
            source,
            CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.SPEC_VERSION_VALUE,
            CloudEventHeaders.TIME,
            Instant.now().toString(),
            CloudEventHeaders.SUBJECT,
            AccessLogCheckpointed.KEY,
            CloudEventHeaders.CONTENT_TYPE,
            CloudEventHeaders.JSON));
    return id;
  }
}
