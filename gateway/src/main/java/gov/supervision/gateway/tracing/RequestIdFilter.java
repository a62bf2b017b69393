package gov.supervision.gateway.tracing;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * First filter of every request: keeps a sane {@code X-Request-Id} or makes one, relays it to the
 * service, returns it on every response (errors too), keeps it in the exchange's attributes and the
 * Reactor context (from where {@link RequestLog} puts it into the MDC around each line written for
 * the request, as {@code requestId}) and writes one access log line per request.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

  /** The header carrying the request id. */
  public static final String HEADER = "X-Request-Id";

  /** The MDC and Reactor context key of the request id. */
  public static final String KEY = "requestId";

  /** Exchange attribute with the request id, for code that runs outside the Reactor context. */
  public static final String ATTRIBUTE = "gov.supervision.gateway.requestId";

  /** Exchange attribute with the caller's {@code sub}, set once the token is verified. */
  public static final String CALLER = "gov.supervision.gateway.caller";

  /** Runs before everything else, security included. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Logger log = LoggerFactory.getLogger("gateway.access");

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = saneOrNew(exchange.getRequest().getHeaders().getFirst(HEADER));
    ServerHttpRequest request =
        exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
    ServerWebExchange withId = exchange.mutate().request(request).build();
    withId.getResponse().getHeaders().set(HEADER, id);
    withId.getAttributes().put(ATTRIBUTE, id);
    long started = System.nanoTime();
    withId
        .getResponse()
        .beforeCommit(
            () -> {
              withId.getResponse().getHeaders().set(HEADER, id);
              return Mono.fromRunnable(() -> writeLine(withId, started));
            });
    return chain.filter(withId).contextWrite(Context.of(KEY, id));
  }

  /** The access line, with the request's ids (request id, trace id) in the MDC. */
  private static void writeLine(ServerWebExchange exchange, long started) {
    Object caller = exchange.getAttributes().getOrDefault(CALLER, "-");
    try (RequestLog ids = RequestLog.of(exchange)) {
      log.info(
          "{} {} {} {} ms by {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath().value(),
          exchange.getResponse().getStatusCode() != null
              ? exchange.getResponse().getStatusCode().value()
              : 0,
          (System.nanoTime() - started) / 1_000_000,
          caller);
    }
  }

  /** The caller's id when it matches {@code [A-Za-z0-9._:-]{1,64}}, else a new UUID. */
  static String saneOrNew(String candidate) {
    if (candidate != null && SANE.matcher(candidate).matches()) {
      return candidate;
    }
    return UUID.randomUUID().toString();
  }
}
