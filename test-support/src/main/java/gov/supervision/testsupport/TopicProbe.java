package gov.supervision.testsupport;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.TopicAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads a topic of the real broker from its current end, for event assertions, writes raw records
 * onto a topic (duplicates, poison messages), and parks records on a dead-letter topic as a
 * listener's error handler would.
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

  /**
   * Every record seen so far, reading on until the probe has read everything the topic held when
   * called (its end offsets then): a record acknowledged before the call is among them, however
   * late it was sent, with no wait for it.
   */
  public List<ConsumerRecord<String, String>> pollToEnd() {
    Map<org.apache.kafka.common.TopicPartition, Long> ends =
        consumer.endOffsets(consumer.assignment());
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              poll();
              return ends.entrySet().stream()
                  .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
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

  /**
   * The CloudEvents headers of a readable JSON event ({@code ce_id}, {@code ce_type}, {@code
   * ce_source}, {@code ce_specversion}, {@code ce_subject}, {@code ce_time}, {@code content-type}),
   * to send or park with a record.
   */
  public static Map<String, String> cloudEvent(
      String id, String ceType, String source, String subject) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CloudEventHeaders.ID, id);
    headers.put(CloudEventHeaders.TYPE, ceType);
    headers.put(CloudEventHeaders.SOURCE, source);
    headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    headers.put(CloudEventHeaders.SUBJECT, subject);
    headers.put(CloudEventHeaders.TIME, Instant.now().toString());
    headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    return headers;
  }

  /**
   * Parks a record on the dead-letter topic of {@code topic} as the error handler of consumer group
   * {@code group} does when its listener gives up on it: the record unchanged (key, value, {@code
   * headers}) plus the handler's own headers (original topic and consumer group, the exception).
   */
  public static void park(
      String topic, String key, String value, Map<String, String> headers, String group) {
    Map<String, String> parked = new LinkedHashMap<>(headers);
    parked.put(KafkaHeaders.DLT_ORIGINAL_TOPIC, topic);
    parked.put(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group);
    parked.put(
        KafkaHeaders.DLT_EXCEPTION_FQCN,
        "org.springframework.kafka.listener.ListenerExecutionFailedException");
    parked.put(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "parked by a test");
    send(TopicAccess.deadLetters(topic), key, value, parked);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
