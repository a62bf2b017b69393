package gov.supervision.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.contracts.TopicAccess;
import gov.supervision.contracts.Topics;
import gov.supervision.localstack.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
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
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real broker over TCP: the suite's topics, records carried between the services' principals,
 * and nobody else let in: no anonymous client, no principal beyond its ACLs.
 */
class KafkaBrokerIT {

  @TempDir Path dataDir;

  @Test
  void anAnonymousClientCannotConnectNorProduce() throws Exception {
    int port = Ports.freePair();
    try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.of(port, port + 1, dataDir))) {
      Map<String, Object> anonymous =
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      try (Admin admin =
          Admin.create(
              Map.of(
                  "bootstrap.servers",
                  broker.bootstrapServers(),
                  "default.api.timeout.ms",
                  3000,
                  "request.timeout.ms",
                  2000))) {
        assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
      }
      try (var producer = producer(anonymous)) {
        assertRefused(
            producer,
            new ProducerRecord<>(Topics.CHECKLIST, "item-1", forgedFinding()),
            org.apache.kafka.common.errors.TimeoutException.class);
      }
      Map<String, Object> wrongPassword =
          new HashMap<>(broker.clientProperties("checklist-service"));
      wrongPassword.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required"
              + " username=\"checklist-service\" password=\"guessed\";");
      try (var producer = producer(wrongPassword)) {
        assertRefused(
            producer,
            new ProducerRecord<>(Topics.CHECKLIST, "item-1", forgedFinding()),
            SaslAuthenticationException.class);
      }
    }
  }

  @Test
  void aServiceMayWriteAndReadOnlyWhatItsCodeDoes() throws Exception {
    int port = Ports.freePair();
    try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.of(port, port + 1, dataDir))) {
      Map<String, Object> checklist = broker.clientProperties("checklist-service");
      // another service's topic: a FindingRaised planted on the evaluation topic is refused
      try (var producer = producer(checklist)) {
        assertRefused(
            producer,
            new ProducerRecord<>(Topics.EVALUATION, "cadre-1", forgedFinding()),
            TopicAuthorizationException.class);
        // its own topic and the dead-letter topic of what it reads are fine
        producer
            .send(new ProducerRecord<>(Topics.CHECKLIST, "item-1", "{}"))
            .get(10, TimeUnit.SECONDS);
        producer
            .send(new ProducerRecord<>(TopicAccess.deadLetters(Topics.EVALUATION), "x", "{}"))
            .get(10, TimeUnit.SECONDS);
      }
      // a topic it does not consume (the access log's checkpoints), even with its own group
      try (var consumer = consumer(checklist, "checklist-service")) {
        consumer.subscribe(List.of(Topics.ACCESS_LOG));
        assertThatThrownBy(() -> pollUntilRecordOrFailure(consumer))
            .isInstanceOf(TopicAuthorizationException.class);
      }
      // a topic it consumes, but in another service's group
      try (var consumer = consumer(checklist, "notification-service")) {
        consumer.subscribe(List.of(Topics.EVALUATION));
        assertThatThrownBy(() -> pollUntilRecordOrFailure(consumer))
            .isInstanceOf(GroupAuthorizationException.class);
      }
      // evaluation-service publishes the conclusions but may not read them back
      try (var consumer =
          consumer(broker.clientProperties("evaluation-service"), "evaluation-service")) {
        consumer.subscribe(List.of(Topics.EVALUATION));
        assertThatThrownBy(() -> pollUntilRecordOrFailure(consumer))
            .isInstanceOf(TopicAuthorizationException.class);
      }
      // notification-service reads both event topics but writes neither (its replay included)
      try (var producer = producer(broker.clientProperties("notification-service"))) {
        assertRefused(
            producer,
            new ProducerRecord<>(Topics.CHECKLIST, "item-1", forgedFinding()),
            TopicAuthorizationException.class);
      }
    }
  }

  @Test
  void eachConsumerReadsBackTheDeadLettersOfWhatItConsumesInItsOwnReplayGroupOnly()
      throws Exception {
    int port = Ports.freePair();
    try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.of(port, port + 1, dataDir))) {
      Map<String, Object> checklist = broker.clientProperties("checklist-service");
      Map<String, Object> evaluation = broker.clientProperties("evaluation-service");
      String vetoes = TopicAccess.deadLetters(Topics.EVALUATION);
      String findings = TopicAccess.deadLetters(Topics.CHECKLIST);
      // each parks a record as its error handler would, and its replay reads it back
      try (var producer = producer(checklist)) {
        producer.send(new ProducerRecord<>(vetoes, "cadre-1", "{}")).get(10, TimeUnit.SECONDS);
      }
      try (var producer = producer(evaluation)) {
        producer.send(new ProducerRecord<>(findings, "item-1", "{}")).get(10, TimeUnit.SECONDS);
      }
      try (var consumer =
          consumer(checklist, "checklist-service" + TopicAccess.REPLAY_GROUP_SUFFIX)) {
        consumer.subscribe(List.of(vetoes));
        assertThat(firstKey(consumer)).isEqualTo("cadre-1");
      }
      try (var consumer =
          consumer(evaluation, "evaluation-service" + TopicAccess.REPLAY_GROUP_SUFFIX)) {
        consumer.subscribe(List.of(findings));
        assertThat(firstKey(consumer)).isEqualTo("item-1");
      }
      // not the dead letters of a topic it does not consume
      try (var consumer =
          consumer(checklist, "checklist-service" + TopicAccess.REPLAY_GROUP_SUFFIX)) {
        consumer.subscribe(List.of(findings));
        assertThatThrownBy(() -> pollUntilRecordOrFailure(consumer))
            .isInstanceOf(TopicAuthorizationException.class);
      }
      // not in another service's replay group
      try (var consumer =
          consumer(checklist, "evaluation-service" + TopicAccess.REPLAY_GROUP_SUFFIX)) {
        consumer.subscribe(List.of(vetoes));
        assertThatThrownBy(() -> pollUntilRecordOrFailure(consumer))
            .isInstanceOf(GroupAuthorizationException.class);
      }
    }
  }

  /** The key of the first record read within 20 s, or null. */
  private static String firstKey(KafkaConsumer<String, String> consumer) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        return record.key();
      }
    }
    return null;
  }

  @Test
  void theBrokerHoldsExactlyTheAclsOfTheCodeAndThePasswordsAreTheOwnersAlone() throws Exception {
    int port = Ports.freePair();
    try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.of(port, port + 1, dataDir))) {
      try (Admin admin = Admin.create(broker.clientProperties(KafkaCredentials.ADMIN))) {
        assertThat(
                admin
                    .describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY)
                    .values()
                    .get(10, TimeUnit.SECONDS))
            .containsExactlyInAnyOrderElementsOf(KafkaAcls.of(TopicAccess.SUITE));
      }
      assertThat(broker.credentials().principals())
          .containsExactlyInAnyOrder(
              KafkaCredentials.ADMIN,
              "checklist-service",
              "evaluation-service",
              "notification-service");
    }
    for (String file : List.of(KafkaCredentials.FILE_NAME, "server.properties")) {
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
    // the same passwords on the next start: the services' logins keep working
    KafkaCredentials again = KafkaCredentials.loadOrCreate(dataDir);
    assertThat(again.scramLogin("checklist-service"))
        .isEqualTo(KafkaCredentials.loadOrCreate(dataDir).scramLogin("checklist-service"));
  }

  @Test
  void brokerCreatesSuiteTopicsAndCarriesARecord() throws Exception {
    int port = Ports.freePair();
    try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.of(port, port + 1, dataDir))) {
      try (Admin admin = Admin.create(broker.clientProperties(KafkaCredentials.ADMIN))) {
        var topics =
            admin
                .describeTopics(List.of("supervision.checklist.v1", "evaluation.cadre.v1-dlt"))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS);
        assertThat(topics.values())
            .allSatisfy(t -> assertThat(t.partitions()).hasSize(KafkaBroker.DEFAULT_PARTITIONS));
      }

      try (var producer = producer(broker.clientProperties("checklist-service"))) {
        producer
            .send(new ProducerRecord<>("supervision.checklist.v1", "item-1", "{\"hello\":1}"))
            .get(10, TimeUnit.SECONDS);
      }

      try (var consumer =
          consumer(broker.clientProperties("evaluation-service"), "evaluation-service")) {
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

  private static void assertRefused(
      KafkaProducer<String, String> producer,
      ProducerRecord<String, String> record,
      Class<? extends Throwable> why) {
    assertThatThrownBy(() -> producer.send(record).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(why);
  }

  private static String forgedFinding() {
    return "{\"cadreId\":\"cadre-1\",\"summary\":\"planted\"}";
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> login) {
    Map<String, Object> config = new HashMap<>(login);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(Map<String, Object> login, String group) {
    Map<String, Object> config = new HashMap<>(login);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  /** Polls for up to 20 s; an authorisation failure is thrown out of {@code poll}. */
  private static void pollUntilRecordOrFailure(KafkaConsumer<String, String> consumer) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!consumer.poll(Duration.ofMillis(500)).isEmpty()) {
        return;
      }
    }
  }

  private static List<Integer> partitionCounts(KafkaBroker broker) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties(KafkaCredentials.ADMIN))) {
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
