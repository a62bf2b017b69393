package gov.supervision.gateway.limits;

import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body over the limit with 413 before any byte reaches a service: by its {@code
 * Content-Length}, or, for a streamed (chunked) body, by reading it up to the limit first and
 * forwarding it only when it fits.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

  /** After authentication (-100) and the rate limit, so anonymous bodies are never buffered. */
  public static final int ORDER = -80;

  private final Problems problems;
  private final long maxBytes;

  public BodySizeLimitFilter(Problems problems, LimitProperties limits) {
    this.problems = problems;
    this.maxBytes = limits.maxBodySize().toBytes();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    long declared = headers.getContentLength();
    if (declared > maxBytes) {
      return tooLarge(exchange);
    }
    if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return chain.filter(exchange);
    }
    return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(maxBytes, 1 << 30))
        .map(Body::of)
        .defaultIfEmpty(Body.EMPTY)
        .flatMap(body -> forward(exchange, chain, body))
        .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange));
  }

  private Mono<Void> forward(ServerWebExchange exchange, WebFilterChain chain, Body body) {
    AtomicBoolean taken = new AtomicBoolean();
    ServerHttpRequest mutated =
        exchange
            .getRequest()
            .mutate()
            .headers(
                h -> {
                  h.remove(HttpHeaders.TRANSFER_ENCODING);
                  h.setContentLength(body.length());
                })
            .build();
    ServerHttpRequest request =
        new ServerHttpRequestDecorator(mutated) {
          @Override
          public Flux<DataBuffer> getBody() {
            return Flux.defer(
                () -> {
                  if (body.buffer() == null || !taken.compareAndSet(false, true)) {
                    return Flux.empty();
                  }
                  return Flux.just(body.buffer());
                });
          }
        };
    return chain
        .filter(exchange.mutate().request(request).build())
        .doFinally(
            signal -> {
              if (body.buffer() != null && taken.compareAndSet(false, true)) {
                DataBufferUtils.release(body.buffer());
              }
            });
  }

  private Mono<Void> tooLarge(ServerWebExchange exchange) {
    return problems.write(
        exchange,
        GatewayProblem.PAYLOAD_TOO_LARGE,
        "请求体超过 " + maxBytes + " 字节 The request body exceeds " + maxBytes + " bytes");
  }

  /** A body read whole (null buffer when there was none). */
  private record Body(DataBuffer buffer, int length) {
    static final Body EMPTY = new Body(null, 0);

    static Body of(DataBuffer buffer) {
      return new Body(buffer, buffer.readableByteCount());
    }
  }
}
