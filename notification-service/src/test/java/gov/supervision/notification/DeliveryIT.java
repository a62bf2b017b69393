package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.checklist.ItemAssigned;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.UnitEarlyWarningRaised;
import gov.supervision.notification.domain.WebhookSignature;
import gov.supervision.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Channels: e-mail into GreenMail with the zh-CN subject, signed webhooks into a local HTTP server,
 * retries with backoff, FAILED after the retries, and the admin retry.
 */
class DeliveryIT extends NotificationITSupport {

  private final String admin = TestTokens.admin();
  @Autowired CircuitBreakerRegistry breakers;
  @Autowired MongoTemplate mongo;

  @Test
  void emailArrivesWithTheZhCnSubjectAndTheItemsFacts() throws Exception {
    String content = "邮件投递测试-" + UUID.randomUUID().toString().substring(0, 8);
    ItemFacts item = item("FGW", "lead-fgw", content);
    publish(new ItemAssigned(item, "lead-fgw", "inspector", null));

    MimeMessage mail =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> mailWithSubject("专人盯办：" + content), Optional::isPresent)
            .get();
    assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString())
        .isEqualTo("lead-fgw@example.invalid");
    String body = mail.getContent().toString();
    assertThat(body)
        .contains("市发展和改革委员会")
        .contains("2026-12-31")
        .contains("http://localhost:8080/api/items/" + item.itemId());
  }

  @Test
  void anEventDeliveredAgainAfterItsEmailWentOutSendsNoSecondEmail() {
    String content = "重复投递测试-" + UUID.randomUUID().toString().substring(0, 8);
    String subject = "专人盯办：" + content;
    ItemAssigned assigned = new ItemAssigned(item("JW", "lead-jw", content), "lead-jw", "x", null);
    String ceId = UUID.randomUUID().toString();
    publish(assigned, ceId);
    await().atMost(Duration.ofSeconds(30)).until(() -> mailWithSubject(subject).isPresent());

    // the redelivered event queues the same delivery again, which is already SENT; a marker of
    // the same item (same key, so handled after it, its delivery queued after it) shows when
    ItemFacts facts = assigned.item();
    publish(assigned, ceId);
    publish(
        new ItemAssigned(
            new ItemFacts(
                facts.itemId(),
                facts.checklistId(),
                "标记-" + content,
                facts.responsibleUnit(),
                facts.responsiblePerson(),
                facts.dueDate()),
            "lead-jw",
            "x",
            null));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailWithSubject("专人盯办：标记-" + content).isPresent());
    assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(m -> subject.equals(subjectOf(m))))
        .hasSize(1);
    // and nothing is left for a later sweep to send again: every delivery of the event is SENT
    List<Object> notifications =
        mongo
            .find(new Query(Criteria.where("eventId").is(ceId)), Document.class, "notifications")
            .stream()
            .map(n -> n.get("_id"))
            .toList();
    assertThat(notifications).isNotEmpty();
    List<Document> deliveries =
        mongo.find(
            new Query(Criteria.where("notificationId").in(notifications)),
            Document.class,
            "deliveries");
    assertThat(deliveries)
        .extracting(d -> d.getString("channel") + " " + d.getString("status"))
        .contains("EMAIL SENT")
        .allMatch(d -> d.endsWith(" SENT"));
  }

  @Test
  void aWebhookIsSignedAndAFlakyOneIsRetriedToSuccess() {
    String unit = uniqueUnit("WH");
    WEBHOOK.failFor(unit, 3);
    publish(new UnitEarlyWarningRaised(unit, "WARNING", "WATCH", 2, 1, 0));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> WEBHOOK.calls(unit).stream().anyMatch(c -> c.status() == 200));
    List<WebhookReceiver.Call> calls = WEBHOOK.calls(unit);
    assertThat(calls).extracting(WebhookReceiver.Call::status).containsExactly(503, 503, 503, 200);
    WebhookReceiver.Call ok = calls.get(3);
    assertThat(ok.signature())
        .isEqualTo(
            WebhookSignature.sign(
                WebhookReceiver.SECRET, Long.parseLong(ok.timestamp()), ok.body()));
    assertThat(ok.keyId()).isEqualTo("test-receiver");
    JsonNode payload = json.readTree(ok.body());
    assertThat(payload.get("type").asString()).isEqualTo("UNIT_EARLY_WARNING");
    assertThat(payload.get("link").asString()).isEqualTo("/api/units/" + unit + "/early-warning");

    String deliveryId = notificationId(unit) + ":WEBHOOK";
    JsonNode delivery =
        await()
            .until(
                () -> delivery(deliveryId),
                d -> d != null && d.get("status").asString().equals("SENT"));
    assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
  }

  @Test
  void aWebhookThatAlwaysFailsEndsFailedAndTheAdminRetriesIt() {
    String unit = uniqueUnit("WF");
    WEBHOOK.failFor(unit, Integer.MAX_VALUE);
    publish(new UnitEarlyWarningRaised(unit, "SEVERE_WARNING", "WARNING", 5, 2, 1));
    String deliveryId = notificationId(unit) + ":WEBHOOK";

    await().atMost(Duration.ofSeconds(30)).until(() -> failedIds().contains(deliveryId));
    JsonNode failed = delivery(deliveryId);
    assertThat(failed.get("attempts").asInt()).isEqualTo(4);
    assertThat(failed.get("lastError").asString()).contains("503");
    assertThat(WEBHOOK.calls(unit)).hasSize(4);

    assertThat(
            post(
                    TestTokens.inspector(),
                    "/api/notifications/deliveries/" + deliveryId + "/retry",
                    null)
                .status())
        .isEqualTo(403);
    Answer unknown = post(admin, "/api/notifications/deliveries/nope/retry", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("type").asString())
        .isEqualTo("urn:supervision:problem:not-found");
    assertThat(unknown.json().get("title").asString()).isEqualTo("未找到 Not found");
    assertThat(unknown.json().get("detail").asString())
        .isEqualTo("投递 delivery nope 不存在 does not exist");

    WEBHOOK.heal(unit);
    Answer retried = post(admin, "/api/notifications/deliveries/" + deliveryId + "/retry", null);
    assertThat(retried.status()).isEqualTo(200);
    JsonNode sent =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> delivery(deliveryId), d -> d.get("status").asString().equals("SENT"));
    assertThat(sent.get("attempts").asInt()).isEqualTo(5);
    Answer notFailed = post(admin, "/api/notifications/deliveries/" + deliveryId + "/retry", null);
    assertThat(notFailed.status()).isEqualTo(409);
    assertThat(notFailed.json().get("type").asString())
        .isEqualTo("urn:supervision:problem:delivery-not-failed");
    assertThat(notFailed.json().get("title").asString()).isEqualTo("状态冲突 Conflict");
    assertThat(notFailed.json().get("detail").asString())
        .isEqualTo("只能重试失败的投递 only FAILED deliveries can be retried: SENT");
    assertThat(post(admin, "/api/notifications/deliveries/retry", null).status()).isEqualTo(200);
  }

  @Test
  void anOpenCircuitDefersDeliveriesUntilItClosesAgain() {
    CircuitBreaker breaker = breakers.circuitBreaker("webhook");
    String unit = uniqueUnit("CB");
    String deliveryId;
    breaker.transitionToForcedOpenState();
    try {
      publish(new UnitEarlyWarningRaised(unit, "WATCH", "NONE", 1, 0, 0));
      deliveryId = notificationId(unit) + ":WEBHOOK";
      String id = deliveryId;
      JsonNode deferred =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> delivery(id),
                  d ->
                      d != null
                          && d.get("lastError").asString("").contains("circuit webhook open"));
      assertThat(deferred.get("status").asString()).isEqualTo("PENDING");
      assertThat(WEBHOOK.calls(unit)).isEmpty();
    } finally {
      breaker.transitionToClosedState();
    }
    String id = deliveryId;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> delivery(id), d -> d.get("status").asString().equals("SENT"));
    assertThat(WEBHOOK.calls(unit)).extracting(WebhookReceiver.Call::status).containsExactly(200);
  }

  private String notificationId(String unit) {
    return awaitInbox(TestTokens.inspector(), "/api/units/" + unit + "/early-warning", 1)
        .get(0)
        .get("id")
        .asString();
  }

  private List<String> failedIds() {
    List<String> ids = new java.util.ArrayList<>();
    get(admin, "/api/notifications/deliveries?status=FAILED&size=500")
        .json()
        .get("content")
        .forEach(d -> ids.add(d.get("id").asString()));
    return ids;
  }

  private JsonNode delivery(String id) {
    for (JsonNode d : get(admin, "/api/notifications/deliveries?size=500").json().get("content")) {
      if (d.get("id").asString().equals(id)) {
        return d;
      }
    }
    return null;
  }

  private static Optional<MimeMessage> mailWithSubject(String subject) {
    return Arrays.stream(MAIL.getReceivedMessages())
        .filter(m -> subject.equals(subjectOf(m)))
        .findFirst();
  }

  private static String subjectOf(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      return null;
    }
  }

  static String uniqueUnit(String prefix) {
    StringBuilder unit = new StringBuilder(prefix);
    UUID.randomUUID()
        .toString()
        .chars()
        .filter(Character::isLetter)
        .limit(8 - prefix.length())
        .forEach(c -> unit.append((char) Character.toUpperCase(c)));
    while (unit.length() < 8) {
      unit.append('Q');
    }
    return unit.toString();
  }
}
