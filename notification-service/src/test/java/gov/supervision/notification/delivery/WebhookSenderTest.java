package gov.supervision.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.config.NotificationProperties;
import gov.supervision.notification.config.NotificationProperties.Webhook.Endpoint;
import gov.supervision.notification.domain.Addressee;
import gov.supervision.notification.domain.AddresseeKind;
import gov.supervision.notification.domain.NotificationType;
import gov.supervision.notification.domain.WebhookSignature;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Two receivers over real HTTP: each call is signed with that receiver's own secret only. */
class WebhookSenderTest {

  private static final String OA_SECRET = "oa-secret-000000000000000000000000000";
  private static final String SMS_SECRET = "sms-secret-11111111111111111111111111";

  private final HttpServer server = start();
  private final Map<String, Map<String, String>> received = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void eachEndpointGetsItsKeyIdAndASignatureOnlyItsOwnSecretMakes() throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    WebhookSender sender =
        new WebhookSender(
            properties(
                new Endpoint("oa", base + "/oa", OA_SECRET),
                new Endpoint("sms", base + "/sms", SMS_SECRET)),
            JsonMapper.builder().build(),
            Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));

    sender.send(notification());

    Map<String, String> oa = received.get("/oa");
    Map<String, String> sms = received.get("/sms");
    assertThat(oa.get("keyId")).isEqualTo("oa");
    assertThat(sms.get("keyId")).isEqualTo("sms");
    long timestamp = Long.parseLong(oa.get("timestamp"));
    assertThat(oa.get("signature"))
        .isEqualTo(WebhookSignature.sign(OA_SECRET, timestamp, oa.get("body")))
        .isNotEqualTo(WebhookSignature.sign(SMS_SECRET, timestamp, oa.get("body")));
    assertThat(sms.get("signature"))
        .isEqualTo(WebhookSignature.sign(SMS_SECRET, timestamp, sms.get("body")));
  }

  private HttpServer start() {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      http.createContext(
          "/",
          exchange -> {
            received.put(
                exchange.getRequestURI().getPath(),
                Map.of(
                    "keyId", exchange.getRequestHeaders().getFirst("X-Signature-Key-Id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("X-Timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("X-Signature"),
                    "body",
                        new String(
                            exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      http.start();
      return http;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static NotificationProperties properties(Endpoint... endpoints) {
    return new NotificationProperties(
        null,
        null,
        null,
        null,
        null,
        new NotificationProperties.Webhook(List.of(endpoints), null),
        null);
  }

  private static NotificationDocument notification() {
    return new NotificationDocument(
        "n1",
        "e1",
        NotificationType.values()[0],
        new Addressee(AddresseeKind.values()[0], "inspector"),
        List.of(),
        "标题",
        "正文",
        "/items/i1",
        "i1",
        Instant.parse("2026-11-30T07:59:00Z"),
        Set.of(),
        false,
        null,
        false);
  }
}
