package gov.supervision.gateway.routing;

import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Points a service's OpenAPI document at the gateway: its {@code servers} become {@code [{"url":
 * "/"}]}, so "Try it out" in the one Swagger UI goes through the gateway (token check, routes), not
 * straight to the service. A body that is not a JSON object passes unchanged.
 */
final class ApiDocServers implements RewriteFunction<String, String> {

  private final JsonMapper json = JsonMapper.builder().build();

  @Override
  public Mono<String> apply(ServerWebExchange exchange, String body) {
    if (body == null) {
      return Mono.empty();
    }
    try {
      JsonNode doc = json.readTree(body);
      if (doc instanceof ObjectNode object && object.has("openapi")) {
        object.putArray("servers").addObject().put("url", "/").put("description", "网关 Gateway");
        return Mono.just(json.writeValueAsString(object));
      }
    } catch (JacksonException e) {
      // not JSON: leave it as the service sent it
    }
    return Mono.just(body);
  }
}
