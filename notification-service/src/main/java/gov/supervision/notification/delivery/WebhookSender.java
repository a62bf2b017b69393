package gov.supervision.notification.delivery;

import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.config.NotificationProperties;
import gov.supervision.notification.domain.Addressee;
import gov.supervision.notification.domain.Channel;
import gov.supervision.notification.domain.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook: a JSON POST of the notification to every configured endpoint, each signed with that
 * endpoint's own secret: {@code X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">},
 * {@code X-Signature-Key-Id} (the endpoint's id) and {@code X-Timestamp} (epoch seconds). Anything
 * but 2xx is a failure.
 */
@Component
class WebhookSender implements ChannelSender {

  /** The JSON body of a webhook call. */
  record WebhookPayload(
      String notificationId,
      String eventId,
      String type,
      Addressee addressee,
      String title,
      String body,
      String link,
      Instant createdAt) {}

  private final NotificationProperties.Webhook settings;
  private final JsonMapper json;
  private final Clock clock;
  private final HttpClient http;

  WebhookSender(NotificationProperties properties, JsonMapper json, Clock clock) {
    this.settings = properties.webhook();
    this.json = json;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  public void send(NotificationDocument n) throws Exception {
    if (settings.endpoints().isEmpty()) {
      throw new IllegalStateException(
          "no webhook endpoint configured (supervision.notification.webhook.endpoints)");
    }
    String body =
        json.writeValueAsString(
            new WebhookPayload(
                n.id(),
                n.eventId(),
                n.type().name(),
                n.addressee(),
                n.title(),
                n.body(),
                n.link(),
                n.createdAt()));
    long timestamp = clock.instant().getEpochSecond();
    for (NotificationProperties.Webhook.Endpoint endpoint : settings.endpoints()) {
      String url = endpoint.url();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(settings.timeout())
              .header("Content-Type", "application/json; charset=utf-8")
              .header("X-Timestamp", Long.toString(timestamp))
              .header("X-Signature-Key-Id", endpoint.id())
              .header("X-Signature", WebhookSignature.sign(endpoint.secret(), timestamp, body))
              .header("X-Notification-Id", n.id())
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new IOException("webhook " + url + " answered HTTP " + response.statusCode());
      }
    }
  }
}
