package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.Topics;
import gov.supervision.contracts.checklist.FindingRaised;
import gov.supervision.contracts.checklist.FindingRectified;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.evaluation.cadre.VetoRescan;
import gov.supervision.support.outbox.OutboxRelay;
import gov.supervision.testsupport.TestTokens;
import gov.supervision.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Finding events in, veto events out, on the real broker; the findings this service dead-lettered
 * replayed by the admin.
 */
class EventsIT extends EvaluationIT {

  @Autowired OutboxRelay relay;
  @Autowired VetoRescan rescan;
  @Autowired MongoTemplate mongo;

  static final String RAISED = "gov.supervision.finding.raised.v1";
  static final String RECTIFIED = "gov.supervision.finding.rectified.v1";

  void send(String ceId, String ceType, String key, Object event) {
    send(ceId, ceType, key, event, "/checklist-service");
  }

  void send(String ceId, String ceType, String key, Object event, String source) {
    TopicProbe.send(
        Topics.CHECKLIST,
        key,
        json.writeValueAsString(event),
        Map.of(
            "ce_id",
            ceId,
            "ce_type",
            ceType,
            "ce_source",
            source,
            "ce_specversion",
            "1.0",
            "ce_subject",
            key,
            "ce_time",
            Instant.now().toString(),
            "content-type",
            "application/json",
            "x-request-id",
            "req-" + ceId));
  }

  static ItemFacts item(String itemId) {
    return new ItemFacts(itemId, "cl-1", "落实重大决策部署", "FGW", "lead-fgw", LocalDate.now());
  }

  final Map<String, OpenCase> cases = new java.util.concurrent.ConcurrentHashMap<>();

  JsonNode dossier(String cadre) {
    OpenCase reviewCase = cases.computeIfAbsent(cadre, c -> openCase("PROMOTION", c));
    return body(get("/api/cadres/" + cadre + "/dossier" + reviewCase.query(), TestTokens.hr()));
  }

  @Test
  void aFindingDeliveredTwiceLandsOnceAndFollowsItsStatus() {
    String cadre = registerCadre("finding");
    String itemId = "item-" + UUID.randomUUID();
    String findingId = "f-" + UUID.randomUUID();
    String ceId = UUID.randomUUID().toString();
    FindingRaised raised =
        new FindingRaised(
            findingId,
            item(itemId),
            "政治站位不高",
            "MAJOR",
            cadre,
            LocalDate.now().plusDays(30),
            "inspector");
    send(ceId, RAISED, itemId, raised);
    send(ceId, RAISED, itemId, raised);
    send(
        UUID.randomUUID().toString(),
        RECTIFIED,
        itemId,
        new FindingRectified(findingId, item(itemId), cadre, "已整改", "lead-fgw"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(dossier(cadre).get("linkedFindings").findValuesAsString("status"))
                    .containsExactly("RECTIFIED"));
    JsonNode finding = dossier(cadre).get("linkedFindings").get(0);
    assertThat(finding.get("findingId").asString()).isEqualTo(findingId);
    assertThat(finding.get("severity").asString()).isEqualTo("MAJOR");
    assertThat(finding.get("description").asString()).isEqualTo("政治站位不高");
  }

  @Test
  void aFindingClaimingAnotherSourceIsDeadLetteredAndNeverReachesTheDossier() {
    String cadre = registerCadre("forged");
    String itemId = "item-" + UUID.randomUUID();
    String forged = UUID.randomUUID().toString();
    try (TopicProbe dlt = TopicProbe.tail(Topics.CHECKLIST + "-dlt")) {
      send(
          forged,
          RAISED,
          itemId,
          new FindingRaised(
              "f-" + UUID.randomUUID(), item(itemId), "伪造的问题", "SEVERE", cadre, null, "x"),
          "/notification-service");
      // a genuine finding behind it, on the same partition (same key), still lands
      send(
          UUID.randomUUID().toString(),
          RAISED,
          itemId,
          new FindingRaised(
              "f-" + UUID.randomUUID(), item(itemId), "真实的问题", "MINOR", cadre, null, "inspector"));

      assertThat(dlt.await(r -> forged.equals(TopicProbe.header(r, "ce_id")))).isNotNull();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(dossier(cadre).get("linkedFindings").findValuesAsString("description"))
                    .containsExactly("真实的问题"));
  }

  static final String DEAD_LETTERS = "/api/dead-letters/evaluation-service";

  @Test
  void theAdminReplaysTheFindingsThisServiceParkedAndNoneParkedByOtherServices() {
    String ours = registerCadre("parked");
    String theirs = registerCadre("parked");
    String oursId = parkFinding(ours, "本服务停放的问题", "evaluation-service");
    String theirsId = parkFinding(theirs, "他服务停放的问题", "notification-service");

    ResponseEntity<String> pending = get(DEAD_LETTERS + "?limit=500", TestTokens.admin());
    assertThat(pending.getStatusCode().value()).isEqualTo(200);
    assertThat(body(pending).path("content").findValuesAsString("eventId"))
        .contains(oursId)
        .doesNotContain(theirsId);
    for (JsonNode letter : body(pending).path("content")) {
      assertThat(letter.has("value")).as("no payload (a finding names a cadre)").isFalse();
      if (oursId.equals(letter.path("eventId").asString())) {
        assertThat(letter.path("topic").asString()).isEqualTo(Topics.CHECKLIST + "-dlt");
        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.CHECKLIST);
        assertThat(letter.path("eventType").asString()).isEqualTo(RAISED);
      }
    }
    assertThat(get(DEAD_LETTERS, TestTokens.hr()).getStatusCode().value()).isEqualTo(403);
    assertThat(replay(TestTokens.evaluator()).getStatusCode().value()).isEqualTo(403);
    assertThat(dossier(ours).get("linkedFindings")).isEmpty();

    try (TopicProbe original = TopicProbe.tail(Topics.CHECKLIST)) {
      ResponseEntity<String> replayed = replay(TestTokens.admin());
      assertThat(replayed.getStatusCode().value()).isEqualTo(200);
      assertThat(body(replayed).path("replayed").asLong()).isPositive();
      assertThat(body(replayed).path("byTopic").path(Topics.CHECKLIST + "-dlt").asLong())
          .isPositive();
      // handed to the listener itself: done when the replay answers
      assertThat(dossier(ours).get("linkedFindings").findValuesAsString("description"))
          .containsExactly("本服务停放的问题");
      assertThat(dossier(theirs).get("linkedFindings"))
          .as("notification-service's dead letter is not this service's to replay")
          .isEmpty();
      assertThat(original.poll())
          .as("nothing written onto checklist-service's topic (its principal may not)")
          .isEmpty();
    }
    assertThat(
            body(get(DEAD_LETTERS + "?limit=500", TestTokens.admin()))
                .path("content")
                .findValuesAsString("eventId"))
        .as("replayed once: no longer awaiting replay")
        .doesNotContain(oursId, theirsId);
  }

  /** A FindingRaised naming {@code cadre} as the error handler of {@code group} parks it. */
  private String parkFinding(String cadre, String description, String group) {
    String itemId = "item-" + UUID.randomUUID();
    String ceId = UUID.randomUUID().toString();
    TopicProbe.park(
        Topics.CHECKLIST,
        itemId,
        json.writeValueAsString(
            new FindingRaised(
                "f-" + UUID.randomUUID(),
                item(itemId),
                description,
                "MAJOR",
                cadre,
                null,
                "inspector")),
        TopicProbe.cloudEvent(ceId, RAISED, "/checklist-service", itemId),
        group);
    return ceId;
  }

  private ResponseEntity<String> replay(String token) {
    return http()
        .post()
        .uri(DEAD_LETTERS + "/replay")
        .header("Authorization", "Bearer " + token)
        .retrieve()
        .toEntity(String.class);
  }

  @Test
  void aFindingForAnUnknownCadreIsKeptAndAttachedAtRegistration() {
    String cadre = newId("later");
    String itemId = "item-" + UUID.randomUUID();
    send(
        UUID.randomUUID().toString(),
        RAISED,
        itemId,
        new FindingRaised(
            "f-" + UUID.randomUUID(), item(itemId), "问题", "MINOR", cadre, null, "inspector"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mongo.count(new Query(Criteria.where("cadreId").is(cadre)), "pending_findings")
                    == 1);

    ResponseEntity_ok(cadre);
    assertThat(dossier(cadre).get("linkedFindings")).hasSize(1);
    assertThat(mongo.count(new Query(Criteria.where("cadreId").is(cadre)), "pending_findings"))
        .isZero();
  }

  @Test
  void findingsKeptForSeveralUnknownCadresAreAttachedWhenOneFileRegistersThem() {
    String first = newId("file");
    String second = newId("file");
    String clean = newId("file");
    String itemId = "item-" + UUID.randomUUID();
    for (String[] finding :
        new String[][] {{first, "先发现的问题"}, {second, "另一人的问题"}, {first, "后发现的问题"}}) {
      send(
          UUID.randomUUID().toString(),
          RAISED,
          itemId,
          new FindingRaised(
              "f-" + UUID.randomUUID(),
              item(itemId),
              finding[1],
              "MINOR",
              finding[0],
              null,
              "inspector"));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mongo.count(
                        new Query(Criteria.where("cadreId").in(first, second)), "pending_findings")
                    == 3);

    String file =
        "编号,姓名,单位,职务\n" + first + ",陈一,JW,科长\n" + clean + ",陈三,JW,科员\n" + second + ",陈二,FGW,科长\n";
    var imported =
        upload(
            TestTokens.admin(),
            "cadres.csv",
            file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);

    assertThat(dossier(first).get("linkedFindings"))
        .extracting(f -> f.get("description").asString())
        .containsExactlyInAnyOrder("先发现的问题", "后发现的问题");
    assertThat(dossier(second).get("linkedFindings"))
        .extracting(f -> f.get("description").asString())
        .containsExactly("另一人的问题");
    assertThat(dossier(clean).get("linkedFindings")).isEmpty();
    assertThat(
            mongo.count(
                new Query(Criteria.where("cadreId").in(first, second, clean)), "pending_findings"))
        .isZero();
  }

  @Test
  void concurrentRecordsAllLandAndAPoisonFindingEventDoesNotStopTheConsumer() throws Exception {
    String cadre = registerCadre("busy");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<String>> writes = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      writes.add(pool.submit(() -> recordEvaluation(cadre, evaluation(today(), "GOOD", 4))));
    }
    for (var write : writes) {
      assertThat(write.get()).isNotBlank();
    }
    pool.shutdown();

    String itemId = "item-" + UUID.randomUUID();
    TopicProbe.send(
        Topics.CHECKLIST,
        itemId,
        "{not json",
        Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", RAISED, "ce_specversion", "1.0"));
    send(
        UUID.randomUUID().toString(),
        RAISED,
        itemId,
        new FindingRaised(
            "f-" + UUID.randomUUID(), item(itemId), "问题", "SEVERE", cadre, null, "inspector"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(dossier(cadre).get("linkedFindings")).hasSize(1));
    assertThat(dossier(cadre).get("records")).hasSize(8);
  }

  void ResponseEntity_ok(String cadre) {
    assertThat(
            post(
                    "/api/cadres",
                    TestTokens.admin(),
                    Map.of("id", cadre, "name", "陈二", "unit", "JW", "position", "科长"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
  }

  @Test
  void anUnqualifiedRecordVetoesOnceForBothPurposesAndTheVetoLapsesOnce() {
    try (TopicProbe probe = TopicProbe.tail(Topics.EVALUATION)) {
      String cadre = registerCadre("veto");
      String first = recordEvaluation(cadre, evaluation(today(), "UNQUALIFIED", 1));
      String second = recordEvaluation(cadre, evaluation(today(), "UNQUALIFIED", 2));
      probe.await(
          r ->
              cadre.equals(r.key())
                  && r.value().contains(second)
                  && "gov.supervision.cadre.evaluation-recorded.v1"
                      .equals(TopicProbe.header(r, "ce_type")));

      List<ConsumerRecord<String, String>> vetoes =
          ofCadre(probe.poll(), cadre, "gov.supervision.cadre.vetoed.v2");
      assertThat(vetoes).as("one decision, one event").hasSize(1);
      assertThat(json.readTree(vetoes.get(0).value()).get("purposes").toString())
          .isEqualTo("[\"PROMOTION\",\"AWARD\"]");
      JsonNode reasons = json.readTree(vetoes.get(0).value()).get("reasons");
      assertThat(reasons.get(0).get("recordId").asString()).isEqualTo(first);
      assertThat(TopicProbe.header(vetoes.get(0), "ce_subject")).isEqualTo(cadre);

      clock.advance(Duration.ofDays(2 * 366 + 2));
      assertThat(rescan.rescan()).isPositive();
      rescan.rescan();
      probe.await(
          r ->
              cadre.equals(r.key())
                  && "gov.supervision.cadre.veto-lapsed.v2"
                      .equals(TopicProbe.header(r, "ce_type")));
      // a marker from the same cadre's outbox, which the relay sends in order: once it is on the
      // topic, so is any second veto or lapse either rescan might have put before it
      String marker = recordEvaluation(cadre, evaluation(today(), "QUALIFIED", 3));
      probe.await(r -> cadre.equals(r.key()) && r.value().contains(marker));
      List<ConsumerRecord<String, String>> all = probe.poll();
      assertThat(ofCadre(all, cadre, "gov.supervision.cadre.veto-lapsed.v2")).hasSize(1);
      assertThat(ofCadre(all, cadre, "gov.supervision.cadre.vetoed.v2")).hasSize(1);
    }
  }

  static List<ConsumerRecord<String, String>> ofCadre(
      List<ConsumerRecord<String, String>> records, String cadre, String type) {
    return records.stream()
        .filter(r -> cadre.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type")))
        .toList();
  }
}
