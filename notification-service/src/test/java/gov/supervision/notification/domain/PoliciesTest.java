package gov.supervision.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PoliciesTest {

  @Test
  void escalationStepsAfterOnceAndTwiceTheDelay() {
    EscalationPolicy policy = new EscalationPolicy(Duration.ofDays(3));
    Instant red = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(policy.stepAt(red, red.plus(Duration.ofDays(2)))).isZero();
    assertThat(policy.stepAt(red, red.plus(Duration.ofDays(3)))).isEqualTo(1);
    assertThat(policy.stepAt(red, red.plus(Duration.ofDays(6)))).isEqualTo(2);
    assertThat(policy.stepAt(red, red.plus(Duration.ofDays(60)))).isEqualTo(2);
  }

  @Test
  void webhookSignatureIsHmacSha256OfTimestampDotBody() {
    // computed independently (Python hmac): HMAC-SHA256(key="key", msg="1.{}")
    String signature = WebhookSignature.sign("key", 1, "{}");
    assertThat(signature)
        .isEqualTo("sha256=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224");
    assertThat(WebhookSignature.sign("key", 2, "{}")).isNotEqualTo(signature);
    assertThat(WebhookSignature.sign("other", 1, "{}")).isNotEqualTo(signature);
  }

  @Test
  void notificationIdsAreStablePerEventAndAddressee() {
    assertThat(NotificationIds.of("e1", Addressee.person("a")))
        .isEqualTo(NotificationIds.of("e1", Addressee.person("a")))
        .isNotEqualTo(NotificationIds.of("e1", Addressee.role("a")))
        .isNotEqualTo(NotificationIds.of("e2", Addressee.person("a")));
  }
}
