package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.mongodb.health.MongoHealthIndicator;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

class EvaluationServiceHealthIT extends EvaluationIT {

  @Autowired HealthContributorRegistry healthContributors;

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

  /** The store's health is Boot's own indicator (it sends {@code hello}), and it answers UP. */
  @Test
  void mongoHealthIsBootsOwnIndicatorAndUp() {
    var mongo = healthContributors.getContributor("mongo");
    assertThat(mongo).isInstanceOf(MongoHealthIndicator.class);
    assertThat(((HealthIndicator) mongo).health().getStatus()).isEqualTo(Status.UP);
  }
}
