package gov.supervision.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.localstack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

  @TempDir Path dataDir;

  @Test
  void brokerCreatesSuiteTopicsAndCarriesARecord() throws Exception {
    int port = Ports.freePair();
    try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.of(port, port + 1, dataDir))) {
      String bootstrap = broker.bootstrapServers();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        var topics =
            admin
                .describeTopics(List.of("supervision.checklist.v1", "evaluation.cadre.v1-dlt"))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS);
        assertThat(topics.values())
            .allSatisfy(t -> assertThat(t.partitions()).hasSize(KafkaBroker.DEFAULT_PARTITIONS));
      }

      try (var producer =
          new KafkaProducer<String, String>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                  ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                  ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
        producer
            .send(new ProducerRecord<>("supervision.checklist.v1", "item-1", "{\"hello\":1}"))
            .get(10, TimeUnit.SECONDS);
      }

      try (var consumer =
          new KafkaConsumer<String, String>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrap,
                  ConsumerConfig.GROUP_ID_CONFIG,
                  "local-stack-test",
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest",
                  ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                  StringDeserializer.class,
                  ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                  StringDeserializer.class))) {
        consumer.subscribe(List.of("supervision.checklist.v1"));
        ConsumerRecord<String, String> received = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received == null && System.nanoTime() < deadline) {
          for (var record : consumer.poll(Duration.ofMillis(500))) {
            received = record;
          }
        }
        assertThat(received).isNotNull();
        assertThat(received.key()).isEqualTo("item-1");
        assertThat(received.value()).isEqualTo("{\"hello\":1}");
      }
    }
    assertThat(dataDir.resolve("logs/meta.properties")).exists();
  }

  @Test
  void topicsKeptFromAnEarlierStartWithFewerPartitionsAreWidened() throws Exception {
    int port = Ports.freePair();
    List<String> topics = List.of("supervision.checklist.v1");
    try (KafkaBroker narrow =
        KafkaBroker.start(
            new KafkaBroker.Settings("127.0.0.1", port, port + 1, dataDir, topics, 2))) {
      assertThat(partitionCounts(narrow)).containsOnly(2);
    }
    try (KafkaBroker wide =
        KafkaBroker.start(
            new KafkaBroker.Settings("127.0.0.1", port, port + 1, dataDir, topics, 6))) {
      assertThat(partitionCounts(wide)).containsOnly(6);
    }
  }

  private static List<Integer> partitionCounts(KafkaBroker broker) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      return admin
          .describeTopics(List.of("supervision.checklist.v1", "supervision.checklist.v1-dlt"))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .values()
          .stream()
          .map(t -> t.partitions().size())
          .toList();
    }
  }
}
