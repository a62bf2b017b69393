package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.Topics;
import gov.supervision.suite.Suite.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults as operators meet them, on the real processes: nothing lost, nothing twice. Tagged {@code
 * slow}; {@code ./mvnw verify} runs it.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

  static final Suite suite = Suite.get();

  @Test
  @Order(1)
  void aStoppedEvaluationServiceIs503WithinTheLimitAndTheRouteHealsByItself() {
    String path = "/api/cadres/none/dossier?caseId=fault-check";
    assertThat(suite.get("hr", path).status()).as("no such review case").isEqualTo(400);

    suite.stack.stopPart("evaluation-service");
    try {
      long began = System.nanoTime();
      Answer down = suite.get("hr", path);
      long tookMs = (System.nanoTime() - began) / 1_000_000;
      assertThat(down.status()).as(down.toString()).isEqualTo(503);
      assertThat(down.header("Content-Type")).startsWith("application/problem+json");
      assertThat(tookMs).as("answered within the 3 s limit").isLessThan(3_500);

      Answer others = suite.get("inspector", "/api/checklists?year=2026");
      assertThat(others.status()).as("the other services keep working").isEqualTo(200);
    } finally {
      suite.stack.restartPart("evaluation-service");
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> suite.get("hr", path).status() == 400);
  }

  @Test
  @Order(2)
  void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextGoodEventIsProcessed() {
    String poisonId = UUID.randomUUID().toString();
    try (KafkaProducer<String, String> producer = producer();
        KafkaConsumer<String, String> dlt = suite.consumerFromEarliest()) {
      dlt.subscribe(List.of(Topics.CHECKLIST + "-dlt"));
      ProducerRecord<String, String> poison =
          new ProducerRecord<>(Topics.CHECKLIST, "poison", "{not json");
      poison.headers().add("ce_id", poisonId.getBytes(StandardCharsets.UTF_8));
      poison
          .headers()
          .add("ce_type", "gov.supervision.item.overdue.v1".getBytes(StandardCharsets.UTF_8));
      producer.send(poison).get();

      // the next good event: a publish, whose ITEM_PUBLISHED must reach lead-jw's inbox
      String itemId = publishedItem("JW", "lead-jw", LocalDate.now().plusDays(40));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(suite.get("lead-jw", "/api/notifications/inbox?size=200").body())
                      .contains(itemId));

      Set<String> deadIds = new HashSet<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                dlt.poll(Duration.ofMillis(500))
                    .forEach(
                        r -> {
                          var id = r.headers().lastHeader("ce_id");
                          if (id != null) {
                            deadIds.add(new String(id.value(), StandardCharsets.UTF_8));
                          }
                        });
                return deadIds.contains(poisonId);
              });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(3)
  void notificationServiceKilledWhileAThousandChangesAreMadeLosesAndDoublesNothing()
      throws Exception {
    // 1,000 changes: 20 checklists of 50 items published one after another; each publication
    // raises one ITEM_PUBLISHED per item to lead-fgw. notification-service is killed (-9) after
    // the 8th publication and started again after the 14th.
    List<String> checklists = suite.draftsOfItems(20, 50, Map.of());
    for (int c = 0; c < checklists.size(); c++) {
      if (c == 8) {
        suite.stack.killPart("notification-service");
      }
      if (c == 14) {
        suite.stack.restartPart("notification-service");
      }
      Answer published =
          suite.post("inspector", "/api/checklists/" + checklists.get(c) + "/publish", Map.of());
      assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(publishedNotices("lead-fgw", checklists)).hasSize(1_000));
    List<String> links = publishedNotices("lead-fgw", checklists);
    assertThat(new HashSet<>(links)).as("each exactly once").hasSize(1_000);
  }

  @Test
  @Order(4)
  void withTheBrokerAwayChangesAreAcceptedAndEveryEventArrivesOnceAfterItReturns()
      throws Exception {
    String checklistId = draft();
    suite.stack.stopPart("kafka");
    List<String> itemIds;
    try {
      itemIds =
          java.util.stream.IntStream.range(0, 20)
              .mapToObj(
                  i -> {
                    Answer added =
                        suite.post(
                            "inspector",
                            "/api/checklists/" + checklistId + "/items",
                            Fixtures.item(
                                "FGW", "lead-fgw", LocalDate.now().plusDays(50), "断连 " + i));
                    assertThat(added.status()).as(added.toString()).isEqualTo(201);
                    return added.id();
                  })
              .toList();
      Answer published =
          suite.post("inspector", "/api/checklists/" + checklistId + "/publish", Map.of());
      assertThat(published.status()).as("accepted while the broker is away").isEqualTo(200);
      Thread.sleep(30_000);
    } finally {
      suite.stack.restartPart("kafka");
    }
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(publishedNotices("lead-fgw", List.of(checklistId)))
                    .containsExactlyInAnyOrderElementsOf(
                        itemIds.stream().map(id -> "/api/items/" + id).toList()));
  }

  // ---- helpers -------------------------------------------------------------------------

  static List<String> publishedNotices(String client, List<String> checklistIds) {
    return suite.notices(client, "ITEM_PUBLISHED", suite.itemLinks(checklistIds));
  }

  static String draft() {
    return suite.draftChecklist("故障演练清单");
  }

  static String publishedItem(String unit, String person, LocalDate due) {
    String checklistId = draft();
    Answer item =
        suite.post(
            "inspector",
            "/api/checklists/" + checklistId + "/items",
            Fixtures.item(unit, person, due, "死信后的正常事件"));
    assertThat(item.status()).as(item.toString()).isEqualTo(201);
    assertThat(
            suite
                .post("inspector", "/api/checklists/" + checklistId + "/publish", Map.of())
                .status())
        .isEqualTo(200);
    return item.id();
  }

  static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        suite.operatorLogin(), new StringSerializer(), new StringSerializer());
  }
}
