package gov.supervision.notification;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.DomainEvent;
import gov.supervision.contracts.EventType;
import gov.supervision.contracts.Topics;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.testsupport.MutableClock;
import gov.supervision.testsupport.SuiteIT;
import gov.supervision.testsupport.SuiteInfrastructure;
import gov.supervision.testsupport.TestClockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one context configuration of this module's integration tests: the suite's Kafka and Mongo,
 * GreenMail as SMTP server and a JDK HTTP server as webhook receiver (both on free loopback ports),
 * and a clock the tests move forward.
 */
@Import(TestClockConfiguration.class)
public abstract class NotificationITSupport extends SuiteIT {

  protected static final GreenMail MAIL = startMail();
  protected static final WebhookReceiver WEBHOOK = new WebhookReceiver();
  private static final KafkaProducer<String, String> PRODUCER = producer();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  PRODUCER.close(Duration.ofSeconds(2));
                  MAIL.stop();
                  WEBHOOK.stop();
                }));
  }

  @DynamicPropertySource
  static void notificationInfrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("supervision.notification.webhook.endpoints[0].id", () -> "test-receiver");
    registry.add("supervision.notification.webhook.endpoints[0].url", WEBHOOK::url);
    registry.add(
        "supervision.notification.webhook.endpoints[0].secret", () -> WebhookReceiver.SECRET);
  }

  @LocalServerPort protected int port;
  @Autowired protected JsonMapper json;

  /** The service's clock, ticking; tests move it forward (never back: the context is shared). */
  @Autowired protected MutableClock clock;

  /** A sample item of unit {@code unit} with a fresh id. */
  protected static ItemFacts item(String unit, String person, String content) {
    return new ItemFacts(
        "item-" + UUID.randomUUID(),
        "checklist-1",
        content,
        unit,
        person,
        LocalDate.of(2026, 12, 31));
  }

  /** Sends an event as checklist- or evaluation-service would, with a fresh ce_id; returns it. */
  protected String publish(DomainEvent event) {
    String id = UUID.randomUUID().toString();
    publish(event, id);
    return id;
  }

  /** Sends an event with the given ce_id and waits for the broker's ack. */
  protected void publish(DomainEvent event, String ceId) {
    try {
      publishAsync(event, ceId).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends an event with the given ce_id without waiting. */
  protected Future<RecordMetadata> publishAsync(DomainEvent event, String ceId) {
    return publishAsync(event, ceId, Topics.publisher(EventType.of(event).topic()));
  }

  /**
   * Sends an event with the given ce_id claiming {@code source} (forged when it is not the topic's
   * publisher) without waiting.
   */
  protected Future<RecordMetadata> publishAsync(DomainEvent event, String ceId, String source) {
    EventType type = EventType.of(event);
    ProducerRecord<String, String> record =
        new ProducerRecord<>(type.topic(), event.subject(), json.writeValueAsString(event));
    Map.of(
            CloudEventHeaders.ID,
            ceId,
            CloudEventHeaders.TYPE,
            type.ceType(),
            CloudEventHeaders.SOURCE,
            source,
            CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.SPEC_VERSION_VALUE,
            CloudEventHeaders.TIME,
            Instant.now().toString(),
            CloudEventHeaders.SUBJECT,
            event.subject(),
            CloudEventHeaders.CONTENT_TYPE,
            CloudEventHeaders.JSON)
        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    return PRODUCER.send(record);
  }

  /** A client of this service that never throws on an error status. */
  protected RestClient http() {
    return RestClient.builder()
        .baseUrl("http://127.0.0.1:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build();
  }

  /** A GET answered as JSON, with status. */
  protected Answer get(String token, String path) {
    var response =
        http()
            .get()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .retrieve()
            .toEntity(String.class);
    return new Answer(response.getStatusCode().value(), parse(response.getBody()));
  }

  /** A POST of a JSON body (or none) answered as JSON, with status. */
  protected Answer post(String token, String path, Object body) {
    var spec = http().post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    if (body != null) {
      spec = spec.header(HttpHeaders.CONTENT_TYPE, "application/json").body(body);
    }
    var response = spec.retrieve().toEntity(String.class);
    return new Answer(response.getStatusCode().value(), parse(response.getBody()));
  }

  /** A PUT of a JSON body answered as JSON, with status. */
  protected Answer put(String token, String path, String body) {
    var response =
        http()
            .put()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .header(HttpHeaders.CONTENT_TYPE, "application/json")
            .body(body)
            .retrieve()
            .toEntity(String.class);
    return new Answer(response.getStatusCode().value(), parse(response.getBody()));
  }

  /** The caller's inbox entries whose link is {@code link} (newest first). */
  protected List<JsonNode> inboxFor(String token, String link) {
    Answer inbox = get(token, "/api/notifications/inbox?size=200");
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode n : inbox.json().get("content")) {
      if (link.equals(n.get("link").asString())) {
        out.add(n);
      }
    }
    return out;
  }

  /** The types of the caller's inbox entries with this link. */
  protected List<String> typesFor(String token, String link) {
    return inboxFor(token, link).stream().map(n -> n.get("type").asString()).sorted().toList();
  }

  /** Waits until the caller has {@code count} entries with this link, and returns them. */
  protected List<JsonNode> awaitInbox(String token, String link, int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> inboxFor(token, link), list -> list.size() >= count);
  }

  private JsonNode parse(String body) {
    return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
  }

  /** An HTTP answer: status and JSON body. */
  protected record Answer(int status, JsonNode json) {}

  private static GreenMail startMail() {
    GreenMail mail =
        new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SuiteInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG,
            1),
        new StringSerializer(),
        new StringSerializer());
  }
}
