package gov.supervision.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import gov.supervision.contracts.Topics;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.contracts.checklist.ItemStageChanged;
import gov.supervision.support.outbox.OutboxEvent;
import gov.supervision.support.outbox.OutboxEvents;
import gov.supervision.support.outbox.OutboxProperties;
import gov.supervision.support.outbox.OutboxRelay;
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
                    SuiteInfrastructure.get().kafkaBootstrapServers()),
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

  private static Document toDocument(OutboxEvent event) {
    MongoConverter converter = mongo.getConverter();
    Document document = new Document();
    converter.write(event, document);
    document.remove("_class");
    return document;
  }
}
