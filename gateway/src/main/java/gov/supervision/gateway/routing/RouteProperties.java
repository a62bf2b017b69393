package gov.supervision.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service lives ({@code supervision.routes.checklist-service}, {@code
 * .evaluation-service}, {@code .notification-service}), e.g. {@code http://127.0.0.1:8081}.
 */
@ConfigurationProperties("supervision.routes")
public record RouteProperties(
    URI checklistService, URI evaluationService, URI notificationService) {

  public RouteProperties {
    require(checklistService, "checklist-service");
    require(evaluationService, "evaluation-service");
    require(notificationService, "notification-service");
  }

  private static void require(URI uri, String name) {
    if (uri == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "supervision.routes." + name + " must be an absolute URL, e.g. http://127.0.0.1:8081");
    }
  }
}
