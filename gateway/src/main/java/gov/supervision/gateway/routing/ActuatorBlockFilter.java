package gov.supervision.gateway.routing;

import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * No service actuator is reachable through the gateway: there is no route for {@code /actuator/**}
 * of a service, and any {@code /api/**} path with an {@code actuator} segment (also
 * percent-encoded) is answered 404 here.
 */
@Component
public class ActuatorBlockFilter implements WebFilter, Ordered {

  private final Problems problems;

  public ActuatorBlockFilter(Problems problems) {
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    if (path.value().startsWith("/api/") && hasActuatorSegment(path)) {
      return problems.write(exchange, GatewayProblem.NOT_FOUND);
    }
    return chain.filter(exchange);
  }

  static boolean hasActuatorSegment(PathContainer path) {
    for (PathContainer.Element element : path.elements()) {
      if (element instanceof PathContainer.PathSegment segment
          && segment.valueToMatch().toLowerCase(Locale.ROOT).contains("actuator")) {
        return true;
      }
    }
    return false;
  }
}
