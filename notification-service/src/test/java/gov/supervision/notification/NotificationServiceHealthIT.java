package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

class NotificationServiceHealthIT extends NotificationITSupport {

  @Test
  void reportsHealthAndMongoUpAndRefusesAnonymousCalls() {
    RestClient http =
        RestClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();

    var health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
    assertThat(health.getStatusCode()).as(health.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(health.getBody());
    assertThat(body.path("status").asString()).isEqualTo("UP");
    // Spring Boot's own MongoDB indicator (it sends 'hello', which the store answers); the
    // components are shown in the tests (application-test.yml)
    assertThat(body.path("components").path("mongo").path("status").asString())
        .as(health.getBody())
        .isEqualTo("UP");

    var anonymous = http.get().uri("/api/anything").retrieve().toEntity(String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
  }
}
