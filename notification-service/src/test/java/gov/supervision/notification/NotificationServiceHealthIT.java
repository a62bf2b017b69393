package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

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
    assertThat(health.getBody()).contains("\"status\":\"UP\"");
    // Spring Boot's own MongoDB indicator (it sends 'hello', which the store answers)
    var mongo = http.get().uri("/actuator/health/mongo").retrieve().toEntity(String.class);
    assertThat(mongo.getStatusCode()).as(mongo.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(mongo.getBody()).contains("\"status\":\"UP\"");

    var anonymous = http.get().uri("/api/anything").retrieve().toEntity(String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
  }
}
