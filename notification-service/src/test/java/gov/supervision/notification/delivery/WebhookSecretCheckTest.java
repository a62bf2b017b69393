package gov.supervision.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.notification.config.NotificationProperties;
import gov.supervision.notification.config.NotificationProperties.Webhook.Endpoint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class WebhookSecretCheckTest {

  private static final String STRONG = "a-secret-of-its-own-for-the-oa-system-42";

  @Test
  void outsideLocalAShortOrDefaultSecretStopsTheStart() {
    assertThatThrownBy(() -> check(false, new Endpoint("oa", "https://oa/h", "change-me")))
        .hasMessageContaining("[0].secret");
    assertThatThrownBy(() -> check(false, new Endpoint("oa", "https://oa/h", "short-secret")))
        .hasMessageContaining("at least 32 characters");
    assertThatThrownBy(() -> check(false, new Endpoint("oa", "https://oa/h", "")))
        .hasMessageContaining("[0].secret: missing");
  }

  @Test
  void inLocalAShortSecretIsAllowedButNotAMissingOne() {
    check(true, new Endpoint("oa", "http://127.0.0.1:9999/h", "local-webhook-secret"));
    assertThatThrownBy(() -> check(true, new Endpoint("oa", "http://127.0.0.1:9999/h", null)))
        .hasMessageContaining("[0].secret: missing");
  }

  @Test
  void idsAreUniqueAndUrlsHttp() {
    assertThat(
            WebhookSecretCheck.problems(
                List.of(
                    new Endpoint("oa", "https://oa/h", STRONG),
                    new Endpoint("oa", "javascript:alert(1)", STRONG + "2")),
                false))
        .containsExactly("[1].id: oa is used twice", "[1].url: an http(s) URL");
  }

  @Test
  void strongSecretsOfTheirOwnPass() {
    check(
        false,
        new Endpoint("oa", "https://oa/h", STRONG),
        new Endpoint("sms-gateway", "https://sms/h", STRONG.replace("oa", "sms")));
  }

  private static void check(boolean local, Endpoint... endpoints) {
    MockEnvironment environment = new MockEnvironment();
    if (local) {
      environment.setActiveProfiles("local");
    }
    NotificationProperties properties =
        new NotificationProperties(
            null,
            null,
            null,
            null,
            null,
            new NotificationProperties.Webhook(List.of(endpoints), null),
            null);
    new WebhookSecretCheck(properties, environment).afterPropertiesSet();
  }
}
