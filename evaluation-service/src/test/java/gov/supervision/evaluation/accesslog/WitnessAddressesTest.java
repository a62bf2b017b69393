package gov.supervision.evaluation.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.evaluation.config.AccessLogProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Which witness addresses {@code verify} asks, as bound from configuration. */
class WitnessAddressesTest {

  private static AccessLogProperties.Witness bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("supervision.access-log.witness", AccessLogProperties.Witness.class);
  }

  @Test
  void aListIsAskedInItsOrder() {
    var witness =
        bind(
            Map.of(
                "supervision.access-log.witness.urls",
                "http://127.0.0.1:8183,http://127.0.0.1:8083,http://127.0.0.1:8283"));
    assertThat(witness.addresses())
        .extracting(Object::toString)
        .containsExactly("http://127.0.0.1:8183", "http://127.0.0.1:8083", "http://127.0.0.1:8283");
  }

  @Test
  void theSingleUrlOfEarlierConfigurationsStillWorks() {
    var witness =
        bind(Map.of("supervision.access-log.witness.url", "http://notification-service:8083"));
    assertThat(witness.addresses())
        .extracting(Object::toString)
        .containsExactly("http://notification-service:8083");
  }

  @Test
  void withNothingConfiguredTheLocalNotificationServiceIsAsked() {
    assertThat(bind(Map.of()).addresses())
        .extracting(Object::toString)
        .containsExactly("http://127.0.0.1:8083");
  }
}
