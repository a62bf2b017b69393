package gov.supervision.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import gov.supervision.contracts.Topics;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.contracts.checklist.ItemStageChanged;
import gov.supervision.testsupport.SuiteInfrastructure;
import gov.supervision.testsupport.TopicProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outbox relay against the real broker and store: order, headers, removal, no resend. */
class OutboxRelayIT {

  private static MongoClient client;
  private static MongoTemplate mongo;
  private static OutboxRelay relay;
  private static OutboxEvents outboxEvents;

  @BeforeAll
  static void setUp() {
    client = MongoClients.create(SuiteInfrastructure.get().mongoUri("relay"));
    mongo = new MongoTemplate(client, "relay-" + UUID.randomUUID());
    KafkaTemplate<String, String> kafka =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SuiteInfrastructure.get().kafkaBootstrapServers(),
                    // as the relay's own producer: a send that cannot go out fails soon
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    5_000),
                new StringSerializer(),
                new StringSerializer()));
    relay =
        new OutboxRelay(
            mongo,
            kafka,
            new OutboxProperties(
                List.of("items"),
                "/relay-test",
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofDays(7)));
    outboxEvents =
        new OutboxEvents(
            JsonMapper.builder().build(),
            Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
  }

  @AfterAll
  static void tearDown() {
    mongo.getDb().drop();
    client.close();
  }

  @Test
  void publishesPendingEventsInOrderWithCloudEventHeadersAndRemovesThem() {
    String itemId = "item-" + UUID.randomUUID();
    ItemFacts facts =
        new ItemFacts(itemId, "c1", "学习贯彻", "FGW", "lead-fgw", LocalDate.parse("2026-02-01"));
    OutboxEvent first =
        outboxEvents.of(new ItemStageChanged(facts, "LEDGER_REGISTERED", "ASSIGNED", "insp", null));
    OutboxEvent second = outboxEvents.of(new ItemOverdue(facts));
    mongo.insert(
        new Document("_id", itemId)
            .append("outbox", List.of(toDocument(first), toDocument(second))),
        "items");

    try (TopicProbe probe = TopicProbe.tail(Topics.CHECKLIST)) {
      assertThat(relay.relayPending()).isEqualTo(2);

      ConsumerRecord<String, String> overdue =
          probe.await(TopicProbe.ofType("gov.supervision.item.overdue.v1"));
      List<ConsumerRecord<String, String>> mine =
          probe.poll().stream().filter(r -> itemId.equals(r.key())).toList();
      assertThat(mine)
          .extracting(r -> TopicProbe.header(r, "ce_id"))
          .containsExactly(first.eventId(), second.eventId());
      assertThat(TopicProbe.header(overdue, "ce_source")).isEqualTo("/relay-test");
      assertThat(TopicProbe.header(overdue, "ce_specversion")).isEqualTo("1.0");
      assertThat(TopicProbe.header(overdue, "ce_subject")).isEqualTo(itemId);
      assertThat(TopicProbe.header(overdue, "ce_time")).isEqualTo("2026-03-01T08:00:00Z");
      assertThat(overdue.value()).contains("\"responsibleUnit\":\"FGW\"");
      assertThat(overdue.headers().lastHeader("traceparent")).as("made outside a trace").isNull();
    }
    assertThat(mongo.findById(itemId, Document.class, "items").getList("outbox", Document.class))
        .isEmpty();
  }

  @Test
  void anEventMadeInsideATraceCarriesItsTraceParent() {
    String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    OutboxEvents traced =
        new OutboxEvents(JsonMapper.builder().build(), Clock.systemUTC(), () -> traceParent);
    String itemId = "item-" + UUID.randomUUID();
    ItemFacts facts =
        new ItemFacts(itemId, "c1", "内容", "JW", "lead-jw", LocalDate.parse("2026-02-01"));
    OutboxEvent event = traced.of(new ItemOverdue(facts));
    mongo.insert(new Document("_id", itemId).append("outbox", List.of(toDocument(event))), "items");

    try (TopicProbe probe = TopicProbe.tail(Topics.CHECKLIST)) {
      relay.relayPending();
      ConsumerRecord<String, String> record = probe.await(r -> itemId.equals(r.key()));
      assertThat(TopicProbe.header(record, "traceparent")).isEqualTo(traceParent);
    }
  }

  @Test
  void anEventWrittenBackByAStaleSaveIsNotSentAgain() {
    String itemId = "item-" + UUID.randomUUID();
    ItemFacts facts =
        new ItemFacts(itemId, "c1", "内容", "JW", "lead-jw", LocalDate.parse("2026-02-01"));
    OutboxEvent event = outboxEvents.of(new ItemOverdue(facts));
    mongo.insert(new Document("_id", itemId).append("outbox", List.of(toDocument(event))), "items");
    assertThat(relay.relayPending()).isEqualTo(1);

    // a request that read the item before the relay removed the event saves it back
    mongo.save(new Document("_id", itemId).append("outbox", List.of(toDocument(event))), "items");

    try (TopicProbe probe = TopicProbe.tail(Topics.CHECKLIST)) {
      relay.relayPending();
      assertThat(probe.poll()).noneMatch(r -> itemId.equals(r.key()));
    }
    assertThat(mongo.findById(itemId, Document.class, "items").getList("outbox", Document.class))
        .isEmpty();
  }

  @Test
  void manyDocumentsGoOutTogetherEachInItsOrderAndOneThatFailsWaitsAlone() {
    String run = UUID.randomUUID().toString();
    Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
    for (int d = 0; d < 30; d++) {
      String itemId = "item-" + run + "-" + d;
      ItemFacts facts =
          new ItemFacts(itemId, "c1", "内容", "JW", "lead-jw", LocalDate.parse("2026-02-01"));
      List<OutboxEvent> events =
          List.of(
              outboxEvents.of(
                  new ItemStageChanged(facts, "LEDGER_REGISTERED", "ASSIGNED", "insp", null)),
              outboxEvents.of(
                  new ItemStageChanged(facts, "ASSIGNED", "MEETING_REVIEWED", "insp", null)),
              outboxEvents.of(new ItemOverdue(facts)));
      expected.put(itemId, events.stream().map(OutboxEvent::eventId).toList());
      mongo.insert(
          new Document("_id", itemId)
              .append("outbox", events.stream().map(OutboxRelayIT::toDocument).toList()),
          "items");
    }
    String stuck = "item-" + run + "-stuck";
    ItemFacts facts =
        new ItemFacts(stuck, "c1", "内容", "JW", "lead-jw", LocalDate.parse("2026-02-01"));
    Document unsendable =
        toDocument(outboxEvents.of(new ItemOverdue(facts))).append("topic", "no such topic!");
    OutboxEvent waiting = outboxEvents.of(new ItemOverdue(facts));
    mongo.insert(
        new Document("_id", stuck).append("outbox", List.of(unsendable, toDocument(waiting))),
        "items");

    try (TopicProbe probe = TopicProbe.tail(Topics.CHECKLIST)) {
      assertThat(relay.relayPending()).isEqualTo(90);

      java.util.List<ConsumerRecord<String, String>> seen = new java.util.ArrayList<>();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                seen.addAll(probe.poll());
                return seen.stream().filter(r -> expected.containsKey(r.key())).count() == 90;
              });
      expected.forEach(
          (itemId, eventIds) ->
              assertThat(seen.stream().filter(r -> itemId.equals(r.key())))
                  .extracting(r -> TopicProbe.header(r, "ce_id"))
                  .containsExactlyElementsOf(eventIds));
      assertThat(seen).noneMatch(r -> stuck.equals(r.key()));
    }
    expected
        .keySet()
        .forEach(
            itemId ->
                assertThat(
                        mongo
                            .findById(itemId, Document.class, "items")
                            .getList("outbox", Document.class))
                    .isEmpty());
    assertThat(mongo.findById(stuck, Document.class, "items").getList("outbox", Document.class))
        .extracting(e -> e.getString("eventId"))
        .containsExactly(unsendable.getString("eventId"), waiting.eventId());
  }

  private static Document toDocument(OutboxEvent event) {
    MongoConverter converter = mongo.getConverter();
    Document document = new Document();
    converter.write(event, document);
    document.remove("_class");
    return document;
  }
}
