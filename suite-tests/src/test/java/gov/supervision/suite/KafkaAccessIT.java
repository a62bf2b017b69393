package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.Topics;
import gov.supervision.localstack.ManagedProcess;
import gov.supervision.suite.Suite.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The running suite's broker is closed: nobody plants a finding in a cadre's file or reads the
 * conclusions without a login, a service's login reaches only its own topics, the services do their
 * work through their own logins, and no password is written to a log. And the access log's {@code
 * verify} reaches its witness in notification-service and compares with what it holds.
 */
class KafkaAccessIT {

  static final Suite suite = Suite.get();
  private static final Pattern PASSWORD = Pattern.compile("password=\"([^\"]+)\"");

  @Test
  void anAnonymousClientCannotPlantAFindingNorReadTheConclusions() {
    Map<String, Object> anonymous =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.stack.kafkaBootstrapServers());
    try (KafkaProducer<String, String> producer = producer(anonymous)) {
      ProducerRecord<String, String> planted =
          new ProducerRecord<>(Topics.CHECKLIST, "cadre-1", "{\"cadreId\":\"cadre-1\"}");
      planted
          .headers()
          .add("ce_type", "gov.supervision.finding.raised.v1".getBytes(StandardCharsets.UTF_8));
      planted.headers().add("ce_source", "/checklist-service".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> producer.send(planted).get(15, TimeUnit.SECONDS))
          .hasCauseInstanceOf(TimeoutException.class);
    }
    Map<String, Object> config = new HashMap<>(anonymous);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "notification-service");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      assertThatThrownBy(() -> consumer.partitionsFor(Topics.EVALUATION))
          .isInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void checklistServicesLoginCannotWriteTheEvaluationTopicNorReadTheCheckpoints() {
    Map<String, Object> checklist = suite.stack.kafkaClientProperties("checklist-service");
    try (KafkaProducer<String, String> producer = producer(checklist)) {
      assertThatThrownBy(
              () ->
                  producer
                      .send(new ProducerRecord<>(Topics.EVALUATION, "cadre-1", "{}"))
                      .get(15, TimeUnit.SECONDS))
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
    Map<String, Object> config = new HashMap<>(checklist);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "checklist-service");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.ACCESS_LOG));
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 40; i++) {
                  consumer.poll(Duration.ofMillis(500));
                }
              })
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void theServicesPublishAndConsumeThroughTheirOwnLogins() throws Exception {
    // checklist-service publishes as itself; notification-service consumes and writes the inbox
    String itemId = FaultsIT.publishedItem("JW", "lead-jw", LocalDate.now().plusDays(30));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(suite.get("lead-jw", "/api/notifications/inbox?size=200").body())
                    .contains(itemId));
    // and nothing on the way wrote a password to a log
    for (ManagedProcess part : suite.stack.processes()) {
      String log = Files.readString(part.logFile(), StandardCharsets.UTF_8);
      for (String principal :
          List.of("admin", "checklist-service", "evaluation-service", "notification-service")) {
        assertThat(log).as(part.name() + "'s log").doesNotContain(password(principal));
      }
    }
  }

  @Test
  void verifyReachesTheWitnessAndComparesWithItsCheckpoint() throws IOException {
    // a refused read is logged too: the log grows, and within seconds its head is signed and
    // witnessed by notification-service
    assertThat(
            suite
                .get("inspector", "/api/cadres/" + UUID.randomUUID() + "/dossier?caseId=none")
                .status())
        .isEqualTo(403);
    long counter = suite.get("auditor", "/api/access-log/verify").json().get("counter").asLong();
    assertThat(counter).isPositive();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Answer verify = suite.get("auditor", "/api/access-log/verify");
              assertThat(verify.status()).isEqualTo(200);
              JsonNode result = verify.json();
              assertThat(result.get("witness").asString()).as(verify.toString()).isEqualTo("MATCH");
              assertThat(result.get("witnessedSeq").asLong()).isGreaterThanOrEqualTo(counter);
              assertThat(result.get("valid").asBoolean()).as(verify.toString()).isTrue();
              assertThat(result.get("problems").toString()).doesNotContain("WITNESS_UNAVAILABLE");
            });
  }

  private static String password(String principal) {
    Matcher m =
        PASSWORD.matcher(
            String.valueOf(suite.stack.kafkaClientProperties(principal).get("sasl.jaas.config")));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> login) {
    Map<String, Object> config = new HashMap<>(login);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }
}
