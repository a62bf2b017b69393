package gov.supervision.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code application/problem+json} answers (type, title, status, detail, instance). */
@Component
public class Problems {

  /** Prefix of every problem {@code type}, the same as the services use. */
  public static final String TYPE_PREFIX = "urn:supervision:problem:";

  /**
   * Exchange attribute set (to the Retry-After seconds) on a request from a client address that is
   * over its limit of requests without a caller: if such a request turns out to have no valid
   * credentials either, it is answered 429 instead of 401.
   */
  public static final String OVER_ADDRESS_LIMIT = Problems.class.getName() + ".overAddressLimit";

  private final JsonMapper json = JsonMapper.builder().build();

  /** Writes the problem {@code kind} to the exchange's response, unless it is already committed. */
  public Mono<Void> write(ServerWebExchange exchange, GatewayProblem kind, String detail) {
    String retryAfter = exchange.getAttribute(OVER_ADDRESS_LIMIT);
    if (retryAfter != null && kind.status().value() == HttpStatus.UNAUTHORIZED.value()) {
      exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
      kind = GatewayProblem.TOO_MANY_REQUESTS;
      detail = null;
    }
    return write(
        exchange,
        kind.status(),
        kind.slug(),
        kind.title(),
        detail != null ? detail : kind.detail());
  }

  /** Writes the problem {@code kind} with its default detail. */
  public Mono<Void> write(ServerWebExchange exchange, GatewayProblem kind) {
    return write(exchange, kind, null);
  }

  /** Writes any problem to the exchange's response, unless it is already committed. */
  public Mono<Void> write(
      ServerWebExchange exchange, HttpStatusCode status, String slug, String title, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_PREFIX + slug);
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", exchange.getRequest().getPath().value());
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(bytes.length);
    DataBuffer buffer = response.bufferFactory().wrap(bytes);
    return response.writeWith(Mono.just(buffer));
  }
}
