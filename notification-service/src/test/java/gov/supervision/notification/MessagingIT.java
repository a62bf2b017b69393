package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.EventType;
import gov.supervision.contracts.Topics;
import gov.supervision.contracts.checklist.ItemDueSoon;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemPublished;
import gov.supervision.support.messaging.TopicProperties;
import gov.supervision.testsupport.SuiteInfrastructure;
import gov.supervision.testsupport.TestTokens;
import gov.supervision.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * On the real broker: a duplicate event gives one notification, a listener stopped and started
 * midway through 1,000 events loses and doubles nothing, and a poison record is dead-lettered (and
 * replayed by the admin) while the events behind it keep flowing.
 */
class MessagingIT extends NotificationITSupport {

  static final String DEAD_LETTERS = "/api/dead-letters/notification-service";

  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired MongoTemplate mongo;
  @Autowired TopicProperties topics;

  @Test
  void theSameEventTwiceGivesOneNotification() {
    ItemFacts item = item("FGW", "lead-fgw", "重复投递测试");
    String link = "/api/items/" + item.itemId();
    String ceId = UUID.randomUUID().toString();
    publish(new ItemPublished(item), ceId);
    publish(new ItemPublished(item), ceId);
    publish(new ItemDueSoon(item)); // same key, so read after both copies
    awaitInbox(TestTokens.leadFgw(), link, 2);
    assertThat(typesFor(TestTokens.leadFgw(), link))
        .containsExactly("ITEM_DUE_SOON", "ITEM_PUBLISHED");
    assertThat(mongo.count(new Query(Criteria.where("eventId").is(ceId)), "notifications"))
        .isEqualTo(1);
  }

  @Test
  void stoppingAndRestartingTheListenerMidwayLosesAndDoublesNothing() throws Exception {
    MessageListenerContainer container = listeners.getListenerContainer("notification-events");
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new ArrayList<>();
    List<ItemPublished> events = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      events.add(new ItemPublished(item("JW", "bulk-" + run + "-" + (i % 10), "批量事项 " + i)));
      ids.add(UUID.randomUUID().toString());
    }
    Query ofRun = new Query(Criteria.where("eventId").in(ids));

    // first half, stopped while it is being handled
    sendAll(events.subList(0, 500), ids.subList(0, 500));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> mongo.count(ofRun, "notifications") >= 100);
    container.stop();
    long atStop = mongo.count(ofRun, "notifications");
    assertThat(atStop).isBetween(100L, 500L);

    // while it is down: the second half, and the first 300 again (redelivery)
    sendAll(events.subList(500, 1000), ids.subList(500, 1000));
    sendAll(events.subList(0, 300), ids.subList(0, 300));
    assertThat(container.isRunning()).isFalse();
    assertThat(mongo.count(ofRun, "notifications"))
        .as("nothing handled while stopped, though all 800 records are on the broker")
        .isEqualTo(atStop);

    container.start();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> mongo.count(ofRun, "notifications") >= 1000);
    // a marker behind everything on every partition: once all are handled, so is every copy
    List<String> markers = markEveryPartition(run);
    Query ofMarkers = new Query(Criteria.where("eventId").in(markers));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                mongo.findDistinct(ofMarkers, "eventId", "notifications", String.class).size()
                    == markers.size());
    assertThat(mongo.count(ofRun, "notifications")).isEqualTo(1000);
    for (int p = 0; p < 10; p++) {
      String token = TestTokens.token("bulk-" + run + "-" + p, "JW", "UNIT_LEAD");
      assertThat(get(token, "/api/notifications/inbox?size=1").json().get("totalElements").asLong())
          .isEqualTo(100);
    }
  }

  /**
   * Sends one marker event onto each partition of the checklist topic (fresh items, so keys spread)
   * and returns their ce_ids: a listener handles a partition in order, so once a marker is handled,
   * so is every record sent onto its partition before it.
   */
  private List<String> markEveryPartition(String run) throws Exception {
    int partitions;
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SuiteInfrastructure.get().kafkaBootstrapServers()))) {
      partitions =
          admin
              .describeTopics(List.of(Topics.CHECKLIST))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .get(Topics.CHECKLIST)
              .partitions()
              .size();
    }
    java.util.Set<Integer> marked = new java.util.HashSet<>();
    List<String> markers = new ArrayList<>();
    for (int i = 0; marked.size() < partitions; i++) {
      assertThat(i).as("markers reach every partition").isLessThan(500);
      String ceId = UUID.randomUUID().toString();
      int partition =
          publishAsync(new ItemPublished(item("JW", "marker-" + run, "标记 " + i)), ceId)
              .get()
              .partition();
      if (marked.add(partition)) {
        markers.add(ceId);
      }
    }
    return markers;
  }

  private void sendAll(List<ItemPublished> events, List<String> ids) throws Exception {
    List<Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      sent.add(publishAsync(events.get(i), ids.get(i)));
    }
    for (Future<?> f : sent) {
      f.get();
    }
  }

  @Test
  void theDeadLetterTopicsItWritesToHaveThePartitionsOfTheSettings() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SuiteInfrastructure.get().kafkaBootstrapServers()))) {
      var described =
          admin
              .describeTopics(List.of(Topics.CHECKLIST + "-dlt", Topics.EVALUATION + "-dlt"))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS);
      assertThat(described.values())
          .hasSize(2)
          .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(topics.partitions()));
    }
    assertThat(topics.partitions()).isEqualTo(6);
  }

  @Test
  void aPoisonRecordIsDeadLetteredTheNextEventStillArrivesAndTheAdminCanReplayIt() {
    try (TopicProbe dlt = TopicProbe.tail(Topics.CHECKLIST + "-dlt")) {
      ItemFacts item = item("FGW", "lead-fgw", "毒消息之后的事件");
      String poison = UUID.randomUUID().toString();
      TopicProbe.send(
          Topics.CHECKLIST,
          item.itemId(),
          "{not json",
          Map.of(
              CloudEventHeaders.ID,
              poison,
              CloudEventHeaders.TYPE,
              EventType.ITEM_PUBLISHED.ceType(),
              CloudEventHeaders.SOURCE,
              "/checklist-service",
              CloudEventHeaders.SPEC_VERSION,
              "1.0",
              CloudEventHeaders.TIME,
              Instant.now().toString(),
              CloudEventHeaders.CONTENT_TYPE,
              CloudEventHeaders.JSON));
      TopicProbe.send(
          Topics.CHECKLIST, item.itemId(), "{}", Map.of("content-type", "application/json"));
      publish(new ItemPublished(item));

      awaitInbox(TestTokens.leadFgw(), "/api/items/" + item.itemId(), 1);
      ConsumerRecord<String, String> dead =
          dlt.await(r -> poison.equals(TopicProbe.header(r, CloudEventHeaders.ID)));
      assertThat(dead.value()).isEqualTo("{not json");

      Answer pending = get(TestTokens.admin(), DEAD_LETTERS + "?limit=500");
      assertThat(pending.status()).isEqualTo(200);
      assertThat(pending.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
      JsonNode letter = null;
      for (JsonNode candidate : pending.json().get("content")) {
        if (poison.equals(candidate.get("eventId").asString())) {
          letter = candidate;
        }
      }
      assertThat(letter).as(pending.json().toString()).isNotNull();
      assertThat(letter.get("topic").asString()).isEqualTo(Topics.CHECKLIST + "-dlt");
      assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.CHECKLIST);
      assertThat(letter.get("eventType").asString()).isEqualTo(EventType.ITEM_PUBLISHED.ceType());
      assertThat(letter.get("error").asString()).isNotBlank().doesNotContain(".");
      assertThat(letter.has("value")).as("no payload is shown").isFalse();
      assertThat(get(TestTokens.inspector(), DEAD_LETTERS).status()).isEqualTo(403);
      assertThat(get(TestTokens.admin(), DEAD_LETTERS + "?limit=0").status()).isEqualTo(400);

      assertThat(post(TestTokens.inspector(), DEAD_LETTERS + "/replay", null).status())
          .isEqualTo(403);
      Answer replay = post(TestTokens.admin(), DEAD_LETTERS + "/replay", null);
      assertThat(replay.status()).isEqualTo(200);
      assertThat(replay.json().get("replayed").asLong()).isGreaterThanOrEqualTo(2);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  dlt.poll().stream()
                          .filter(r -> poison.equals(TopicProbe.header(r, CloudEventHeaders.ID)))
                          .count()
                      == 2);
      Answer again = post(TestTokens.admin(), DEAD_LETTERS + "/replay", null);
      assertThat(again.status()).isEqualTo(200);
    }
  }

  @Test
  void theReplayHandsBackOnlyWhatThisServiceParkedAndWritesNoOtherServicesTopic() {
    ItemFacts ours = item("FGW", "lead-fgw", "本服务停放的死信");
    ItemFacts theirs = item("FGW", "lead-fgw", "他服务停放的死信");
    park(new ItemPublished(ours), "notification-service");
    park(new ItemPublished(theirs), "evaluation-service");
    try (TopicProbe original = TopicProbe.tail(Topics.CHECKLIST)) {
      Answer replay = post(TestTokens.admin(), DEAD_LETTERS + "/replay", null);
      assertThat(replay.status()).isEqualTo(200);
      // the replay hands records to the listener itself: done when it answers
      assertThat(typesFor(TestTokens.leadFgw(), "/api/items/" + ours.itemId()))
          .containsExactly("ITEM_PUBLISHED");
      assertThat(typesFor(TestTokens.leadFgw(), "/api/items/" + theirs.itemId()))
          .as("evaluation-service's dead letter is not this service's to replay")
          .isEmpty();
      assertThat(original.poll())
          .as("nothing written onto checklist-service's topic (its principal may not)")
          .isEmpty();
    }
  }

  /** A readable event as the error handler of {@code group} parks it on the dead-letter topic. */
  private void park(ItemPublished event, String group) {
    TopicProbe.park(
        Topics.CHECKLIST,
        event.subject(),
        json.writeValueAsString(event),
        TopicProbe.cloudEvent(
            UUID.randomUUID().toString(),
            EventType.ITEM_PUBLISHED.ceType(),
            "/checklist-service",
            event.subject()),
        group);
  }
}
