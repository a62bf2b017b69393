package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.checklist.item.ItemDocument;
import gov.supervision.support.outbox.OutboxProperties;
import gov.supervision.support.outbox.OutboxRelay;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * With the broker down, changes still succeed and their events wait in the documents; when the
 * broker comes back, every event arrives exactly once (by ce_id) and in order per item.
 *
 * <p>How "the broker is down" is made honestly: the shared broker of the test JVM cannot be stopped
 * (every other test uses it), so the application's own relay is paused and a second relay (the
 * production {@link OutboxRelay} class with the service's outbox settings) publishes to a fixed
 * port where no broker runs yet. Its sends really fail (metadata timeout). Then a real KRaft broker
 * is started on that very port, and the same relay and producer deliver everything.
 */
class OutboxIT extends ChecklistIT {

  @Autowired OutboxRelay appRelay;
  @Autowired OutboxProperties outboxProperties;
  @Autowired MongoTemplate mongo;

  @Test
  void nothingIsLostWhileTheBrokerIsDownAndEverythingArrivesOnceInOrderAfter() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, Object> producer = new HashMap<>();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
    producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4_000);
    producer.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
    var factory =
        new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new StringSerializer());
    OutboxRelay relay =
        new OutboxRelay(
            mongo,
            new KafkaTemplate<>(factory),
            new OutboxProperties(
                outboxProperties.collections(),
                outboxProperties.source(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofDays(1)));
    EmbeddedKafkaKraftBroker broker = null;
    TcpForwarder forwarder = null;
    appRelay.stop();
    try {
      // changes while the broker is down
      String checklist = newChecklist();
      List<String> itemIds = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        itemIds.add(addItem(checklist, "FGW", DAY.plusDays(20 + i)));
      }
      publish(checklist);
      for (String id : itemIds) {
        assertThat(transition(id, "ASSIGNED", "盯办").status()).isEqualTo(200);
        assertThat(transition(id, "MEETING_REVIEWED", "会议").status()).isEqualTo(200);
        assertThat(transition(id, "ASSIGNED", "退回重议").status()).isEqualTo(200);
        assertThat(
                post(
                        "/api/items/" + id + "/findings",
                        INSPECTOR,
                        Map.of(
                            "description", "d", "severity", "MINOR", "rectifyBy", DAY.toString()))
                    .status())
            .isEqualTo(201);
      }
      assertThat(relay.relayPending()).isZero(); // the broker is unreachable: nothing sent

      // nothing lost: every event waits, in order, in its document
      Map<String, List<String>> expected = new LinkedHashMap<>();
      for (String id : itemIds) {
        expected.put(id, pendingEventIds(ItemDocument.COLLECTION, id));
        // published, assigned + stage, stage, stage + assigned, finding
        assertThat(expected.get(id)).hasSize(7);
      }
      List<String> checklistEvents = pendingEventIds("checklists", checklist);
      assertThat(checklistEvents).hasSize(1);

      // the broker comes back on the same port
      broker = new EmbeddedKafkaKraftBroker(1, 3, gov.supervision.contracts.Topics.CHECKLIST);
      broker.afterPropertiesSet();
      int brokerPort = Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", ""));
      forwarder = new TcpForwarder(port, brokerPort);
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                relay.relayPending();
                return itemIds.stream()
                        .allMatch(id -> pendingEventIds(ItemDocument.COLLECTION, id).isEmpty())
                    && pendingEventIds("checklists", checklist).isEmpty();
              });
      relay.relayPending(); // a second pass sends nothing again

      Map<String, List<String>> received = new HashMap<>();
      List<String> allIds = new ArrayList<>();
      Set<String> keys = new HashSet<>(itemIds);
      keys.add(checklist);
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                  ConsumerConfig.GROUP_ID_CONFIG, "outbox-it",
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
              new StringDeserializer(),
              new StringDeserializer())) {
        consumer.subscribe(List.of(gov.supervision.contracts.Topics.CHECKLIST));
        long deadline = System.currentTimeMillis() + 30_000;
        int wanted = 3 * 7 + 1;
        while (allIds.size() < wanted && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            if (keys.contains(r.key())) {
              String ceId =
                  new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
              allIds.add(ceId);
              received.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(ceId);
            }
          }
        }
        // every send of the relay is acknowledged (the outboxes are empty): read the topic to
        // its end now, so any copy of an event is among what was read
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        assertThat(ends).hasSize(3);
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
            && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            if (keys.contains(r.key())) {
              allIds.add("late:" + r.key());
            }
          }
        }
        assertThat(ends).allSatisfy((p, end) -> assertThat(consumer.position(p)).isEqualTo(end));
      }
      assertThat(allIds).hasSize(22).doesNotHaveDuplicates();
      for (String id : itemIds) {
        assertThat(received.get(id)).containsExactlyElementsOf(expected.get(id));
      }
      assertThat(received.get(checklist)).containsExactlyElementsOf(checklistEvents);
    } finally {
      appRelay.start();
      factory.destroy();
      if (forwarder != null) {
        forwarder.close();
      }
      if (broker != null) {
        broker.destroy();
      }
    }
  }

  private List<String> pendingEventIds(String collection, String id) {
    Document document =
        mongo.findOne(new Query(Criteria.where("_id").is(id)), Document.class, collection);
    return document.getList("outbox", Document.class, List.of()).stream()
        .map(e -> e.getString("eventId"))
        .toList();
  }
}
