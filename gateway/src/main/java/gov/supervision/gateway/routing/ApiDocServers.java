package gov.supervision.gateway.routing;

import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistration.ProviderDetails;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Points a service's OpenAPI document at the gateway: its {@code servers} become {@code [{"url":
 * "/"}]}, so "Try it out" in the one Swagger UI goes through the gateway (token check, routes), not
 * straight to the service; and it names the door's two ways in as security schemes, so Swagger UI's
 * "Authorize" works: {@code bearer} (paste a token) and {@code people} (the issuer's sign-in,
 * authorization code with PKCE for the public client {@code swagger-ui}). A body that is not a JSON
 * object passes unchanged.
 */
final class ApiDocServers implements RewriteFunction<String, String> {

  private final JsonMapper json = JsonMapper.builder().build();
  private final Mono<ProviderDetails> issuer;

  ApiDocServers(ReactiveClientRegistrationRepository registrations, String registrationId) {
    this.issuer =
        registrations
            .findByRegistrationId(registrationId)
            .map(ClientRegistration::getProviderDetails)
            .cache();
  }

  @Override
  public Mono<String> apply(ServerWebExchange exchange, String body) {
    if (body == null) {
      return Mono.empty();
    }
    try {
      JsonNode doc = json.readTree(body);
      if (doc instanceof ObjectNode object && object.has("openapi")) {
        object.putArray("servers").addObject().put("url", "/").put("description", "网关 Gateway");
        return issuer
            .map(provider -> withSecuritySchemes(object, provider))
            .defaultIfEmpty(object)
            .map(json::writeValueAsString);
      }
    } catch (JacksonException e) {
      // not JSON: leave it as the service sent it
    }
    return Mono.just(body);
  }

  private static ObjectNode withSecuritySchemes(ObjectNode doc, ProviderDetails provider) {
    ObjectNode schemes = doc.withObject("/components").withObject("/securitySchemes");
    schemes
        .putObject("bearer")
        .put("type", "http")
        .put("scheme", "bearer")
        .put("bearerFormat", "JWT")
        .put("description", "机器调用：访问令牌 Machines: an access token of the issuer");
    ObjectNode code =
        schemes
            .putObject("people")
            .put("type", "oauth2")
            .put("description", "人员登录：授权码 + PKCE People: sign in at the issuer")
            .putObject("flows")
            .putObject("authorizationCode")
            .put("authorizationUrl", provider.getAuthorizationUri())
            .put("tokenUrl", provider.getTokenUri());
    code.putObject("scopes").put("openid", "登录身份 Identity");
    if (!doc.has("security")) {
      var security = doc.putArray("security");
      security.addObject().putArray("bearer");
      security.addObject().putArray("people").add("openid");
    }
    return doc;
  }
}
