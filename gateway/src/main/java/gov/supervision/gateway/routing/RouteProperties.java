package gov.supervision.gateway.routing;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service lives ({@code supervision.routes.checklist-service}, {@code
 * .evaluation-service}, {@code .notification-service}): the base URL of each instance, comma
 * separated, e.g. {@code http://127.0.0.1:8081} or {@code
 * http://127.0.0.1:8081,http://127.0.0.1:8181}. In a cluster it is the one URL of the service's
 * Kubernetes Service, which balances by itself.
 */
@ConfigurationProperties("supervision.routes")
public record RouteProperties(
    List<URI> checklistService, List<URI> evaluationService, List<URI> notificationService) {

  public RouteProperties {
    checklistService = require(checklistService, GatewayRoutes.CHECKLIST);
    evaluationService = require(evaluationService, GatewayRoutes.EVALUATION);
    notificationService = require(notificationService, GatewayRoutes.NOTIFICATION);
  }

  /** The instances of {@code service} (a route id, e.g. {@code checklist-service}). */
  public List<URI> instances(String service) {
    return switch (service) {
      case GatewayRoutes.CHECKLIST -> checklistService;
      case GatewayRoutes.EVALUATION -> evaluationService;
      case GatewayRoutes.NOTIFICATION -> notificationService;
      default -> throw new IllegalArgumentException("no service " + service + " is routed");
    };
  }

  private static List<URI> require(List<URI> instances, String name) {
    if (instances == null
        || instances.isEmpty()
        || instances.stream().anyMatch(uri -> uri == null || uri.getHost() == null)) {
      throw new IllegalArgumentException(
          "supervision.routes."
              + name
              + " must be one or more absolute URLs, comma separated, e.g. http://127.0.0.1:8081");
    }
    return List.copyOf(instances);
  }
}
