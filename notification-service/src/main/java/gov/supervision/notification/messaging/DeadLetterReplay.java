package gov.supervision.notification.messaging;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-publishes dead-lettered records onto their original topic (same key, value and CloudEvents
 * headers). A dedicated consumer group remembers how far it replayed, so each dead letter is
 * replayed once per request; a record that fails again simply lands on the dead-letter topic again.
 */
@Component
class DeadLetterReplay {

  static final String GROUP = "notification-service-dlt-replay";
  static final List<String> TOPICS = List.of(Topics.CHECKLIST + "-dlt", Topics.EVALUATION + "-dlt");
  private static final String SUFFIX = "-dlt";
  private static final Duration MAX_DURATION = Duration.ofSeconds(60);

  private final KafkaProperties kafka;
  private final KafkaTemplate<Object, Object> template;

  DeadLetterReplay(KafkaProperties kafka, KafkaTemplate<Object, Object> template) {
    this.kafka = kafka;
    this.template = template;
  }

  /** What one replay did, per dead-letter topic. */
  record Result(long replayed, Map<String, Long> byTopic) {}

  /**
   * One dead letter awaiting replay, described without its payload (an evaluation event carries
   * personnel data, which an administrator repairing deliveries has no need to read).
   */
  record DeadLetter(
      String topic,
      int partition,
      long offset,
      Instant deadAt,
      String eventId,
      String eventType,
      String originalTopic,
      String error) {}

  /** The first dead letters awaiting replay (at most {@code limit}) and how many await it. */
  record Pending(List<DeadLetter> content, long total) {}

  /** What the next replay would re-publish, oldest first per partition; changes nothing. */
  synchronized Pending pending(int limit) {
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      if (partitions.isEmpty()) {
        return new Pending(List.of(), 0);
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = seekToUnreplayed(consumer, partitions);
      long total = 0;
      for (TopicPartition tp : partitions) {
        total += Math.max(0, end.get(tp) - consumer.position(tp));
      }
      List<DeadLetter> letters = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (letters.size() < limit
          && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < end.get(tp) && letters.size() < limit) {
            letters.add(describe(record));
          }
        }
      }
      return new Pending(letters, total);
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
    config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : TOPICS) {
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
  synchronized Result replay() throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Long> byTopic = new HashMap<>();
    TOPICS.forEach(topic -> byTopic.put(topic, 0L));
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      if (partitions.isEmpty()) {
        return new Result(0, byTopic);
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
          republish(record);
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
      return new Result(total, byTopic);
    }
  }

  private void republish(ConsumerRecord<String, String> record)
      throws InterruptedException, ExecutionException, TimeoutException {
    String original = originalTopic(record);
    ProducerRecord<Object, Object> copy =
        new ProducerRecord<>(original, null, record.key(), record.value());
    for (Header header : record.headers()) {
      if (!header.key().startsWith("kafka_dlt")) {
        copy.headers().add(header.key(), header.value());
      }
    }
    template.send(copy).get(10, TimeUnit.SECONDS);
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
