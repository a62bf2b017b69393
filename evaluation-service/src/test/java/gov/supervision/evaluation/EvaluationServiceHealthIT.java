package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

class EvaluationServiceHealthIT extends EvaluationIT {

  @Test
  void reportsHealthUpAndRefusesAnonymousCalls() {
    RestClient http = http();

    var health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
    assertThat(health.getStatusCode()).as(health.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"");

    var anonymous = http.get().uri("/api/anything").retrieve().toEntity(String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
  }
}
