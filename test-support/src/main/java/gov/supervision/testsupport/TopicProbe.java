package gov.supervision.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic of the real broker from its current end, for event assertions, and writes raw
 * records onto a topic (duplicates, poison messages).
 */
public final class TopicProbe implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  private TopicProbe(String topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SuiteInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(topic));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(100));
              return !consumer.assignment().isEmpty();
            });
    consumer.seekToEnd(consumer.assignment());
    consumer.assignment().forEach(consumer::position);
  }

  /** Starts reading {@code topic} from now on. */
  public static TopicProbe tail(String topic) {
    return new TopicProbe(topic);
  }

  /** Waits until a record matching {@code match} arrived, and returns it. */
  public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> poll().stream().filter(match).findFirst(), java.util.Optional::isPresent)
        .orElseThrow();
  }

  /** Every record seen so far, polling once more first. */
  public List<ConsumerRecord<String, String>> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    return List.copyOf(seen);
  }

  /** A header of a record as text, or null. */
  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** A record of type {@code ceType}. */
  public static Predicate<ConsumerRecord<String, String>> ofType(String ceType) {
    return r -> ceType.equals(header(r, "ce_type"));
  }

  /** Writes a raw record with the given headers onto a topic and waits for the broker's ack. */
  public static void send(String topic, String key, String value, Map<String, String> headers) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SuiteInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send to " + topic, e);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
