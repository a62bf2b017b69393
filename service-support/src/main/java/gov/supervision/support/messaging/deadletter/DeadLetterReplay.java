package gov.supervision.support.messaging.deadletter;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.TopicAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Hands the records this service's listener dead-lettered to that listener again, as they first
 * arrived (original topic, key, value and CloudEvents headers). It never writes them back onto the
 * original topic: that topic belongs to the service that publishes it, and this service's Kafka
 * principal may not write there ({@link TopicAccess}). Records another service's consumers parked
 * on the same dead-letter topic are left alone (neither listed nor replayed). A dedicated consumer
 * group ({@code <service>-dlt-replay}) remembers how far it replayed, so each dead letter is
 * replayed once per request; a record that fails again is parked on the dead-letter topic again.
 * The topics are those {@link TopicAccess#SUITE} says the service replays.
 */
public class DeadLetterReplay {

  private static final String SUFFIX = "-dlt";
  private static final Duration MAX_DURATION = Duration.ofSeconds(60);
  private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

  private final String service;
  private final String group;
  private final List<String> topics;
  private final KafkaProperties kafka;
  private final KafkaTemplate<Object, Object> template;
  private final ReplayableListener listener;

  /**
   * @param service the service's name ({@code spring.application.name}), which is also its
   *     listeners' consumer group
   * @throws IllegalStateException when {@link TopicAccess#SUITE} gives the service no dead letters
   *     to replay (its principal could not read them)
   */
  public DeadLetterReplay(
      String service,
      KafkaProperties kafka,
      KafkaTemplate<Object, Object> template,
      ReplayableListener listener) {
    this.service = service;
    this.group = service + TopicAccess.REPLAY_GROUP_SUFFIX;
    this.topics =
        TopicAccess.SUITE.replayed(service).stream()
            .sorted()
            .map(TopicAccess::deadLetters)
            .toList();
    if (topics.isEmpty()) {
      throw new IllegalStateException(
          service + " has a ReplayableListener but TopicAccess gives it no dead letters to replay");
    }
    this.kafka = kafka;
    this.template = template;
    this.listener = listener;
  }

  /** The dead-letter topics this service replays, sorted. */
  public List<String> topics() {
    return topics;
  }

  /** What one replay did, per dead-letter topic. */
  public record ReplayResult(long replayed, Map<String, Long> byTopic) {}

  /**
   * One dead letter awaiting replay, described without its payload (an evaluation event carries
   * personnel data, which an administrator repairing the flow of events has no need to read).
   */
  public record DeadLetter(
      String topic,
      int partition,
      long offset,
      Instant deadAt,
      String eventId,
      String eventType,
      String originalTopic,
      String error) {}

  /** The first dead letters awaiting replay (at most {@code limit}) and how many await it. */
  public record PendingDeadLetters(List<DeadLetter> content, long total) {}

  /**
   * What the next replay would hand back, oldest first per partition; changes nothing. {@code
   * total} counts this service's dead letters read within 10 s, plus every record not read by then.
   */
  public synchronized PendingDeadLetters pending(int limit) {
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      if (partitions.isEmpty()) {
        return new PendingDeadLetters(List.of(), 0);
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = seekToUnreplayed(consumer, partitions);
      long total = 0;
      List<DeadLetter> letters = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < end.get(tp) && parkedHere(record)) {
            total++;
            if (letters.size() < limit) {
              letters.add(describe(record));
            }
          }
        }
      }
      for (TopicPartition tp : partitions) {
        total += Math.max(0, end.get(tp) - consumer.position(tp));
      }
      return new PendingDeadLetters(letters, total);
    }
  }

  private static DeadLetter describe(ConsumerRecord<String, String> record) {
    String fqcn = header(record, "kafka_dlt-exception-fqcn");
    return new DeadLetter(
        record.topic(),
        record.partition(),
        record.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        header(record, CloudEventHeaders.ID),
        header(record, CloudEventHeaders.TYPE),
        originalTopic(record),
        fqcn == null ? null : fqcn.substring(fqcn.lastIndexOf('.') + 1));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private KafkaConsumer<String, String> consumer() {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos != null) {
        infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
    }
    return partitions;
  }

  /** Seeks every partition to where the last replay stopped; the ends as they are now. */
  private static Map<TopicPartition, Long> seekToUnreplayed(
      KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed =
        consumer.committed(new java.util.HashSet<>(partitions), Duration.ofSeconds(10));
    Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata at = committed.get(tp);
      consumer.seek(tp, at != null ? Math.max(at.offset(), beginning.get(tp)) : beginning.get(tp));
    }
    return end;
  }

  /** Replays everything dead-lettered since the last replay. */
  public synchronized ReplayResult replay()
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Long> byTopic = new HashMap<>();
    topics.forEach(topic -> byTopic.put(topic, 0L));
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      if (partitions.isEmpty()) {
        return new ReplayResult(0, byTopic);
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = seekToUnreplayed(consumer, partitions);
      long total = 0;
      long deadline = System.nanoTime() + MAX_DURATION.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
            continue;
          }
          if (!parkedHere(record)) {
            continue;
          }
          redeliver(record);
          total++;
          byTopic.merge(record.topic(), 1L, Long::sum);
        }
      }
      // what was read up to the end seen at the start is done; anything newer waits for next time
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      for (TopicPartition tp : partitions) {
        done.put(tp, new OffsetAndMetadata(Math.min(consumer.position(tp), end.get(tp))));
      }
      consumer.commitSync(done);
      return new ReplayResult(total, byTopic);
    }
  }

  /**
   * Parked by this service's listener: the error handler names the consumer group in every record
   * it parks. A record without that header could have been parked by any consumer of the topic, so
   * it is left alone (listed by no service, replayed by none).
   */
  private boolean parkedHere(ConsumerRecord<String, String> record) {
    return service.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
  }

  private void redeliver(ConsumerRecord<String, String> record)
      throws InterruptedException, ExecutionException, TimeoutException {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith("kafka_dlt")) {
        headers.add(header);
      }
    }
    ConsumerRecord<String, String> again =
        new ConsumerRecord<>(
            originalTopic(record),
            record.partition(),
            record.offset(),
            record.timestamp(),
            record.timestampType(),
            -1,
            -1,
            record.key(),
            record.value(),
            headers,
            Optional.empty());
    try {
      listener.on(again);
    } catch (RuntimeException failedAgain) {
      log.warn(
          "replayed dead letter {}-{}@{} failed again ({}); parked again",
          record.topic(),
          record.partition(),
          record.offset(),
          failedAgain.toString());
      ProducerRecord<Object, Object> parked =
          new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value());
      record.headers().forEach(parked.headers()::add);
      template.send(parked).get(10, TimeUnit.SECONDS);
    }
  }

  private static String originalTopic(ConsumerRecord<String, String> record) {
    Header header = record.headers().lastHeader("kafka_dlt-original-topic");
    if (header != null) {
      return new String(header.value(), StandardCharsets.UTF_8);
    }
    String topic = record.topic();
    return topic.endsWith(SUFFIX) ? topic.substring(0, topic.length() - SUFFIX.length()) : topic;
  }
}
