package gov.supervision.notification.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The 签收 deadline: 3 days after creation unless configured otherwise. */
class ReceiptPropertiesTest {

  static final Instant CREATED = Instant.parse("2026-06-01T02:00:00Z");

  static NotificationProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("supervision.notification", NotificationProperties.class);
  }

  @Test
  void theDeadlineIsThreeDaysAfterCreationByDefault() {
    NotificationProperties.Receipt receipt = bind(Map.of()).receipt();
    assertThat(receipt.acknowledgeBy(CREATED)).isEqualTo(CREATED.plus(Duration.ofDays(3)));
    assertThat(receipt.timeout()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void theDeadlineFollowsItsProperty() {
    NotificationProperties.Receipt receipt =
        bind(Map.of("supervision.notification.receipt.acknowledge-within", "36h")).receipt();
    assertThat(receipt.acknowledgeBy(CREATED)).isEqualTo(CREATED.plus(Duration.ofHours(36)));
  }

  @Test
  void aDeadlineThatIsNotAheadIsRefusedAtStart() {
    assertThatThrownBy(
            () -> bind(Map.of("supervision.notification.receipt.acknowledge-within", "0s")))
        .isInstanceOf(BindException.class)
        .hasStackTraceContaining("acknowledge-within must be positive");
  }
}
