package gov.supervision.gateway.limits;

import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body over the limit with 413 before any byte reaches a service: by its {@code
 * Content-Length}, or, for a streamed (chunked) body, by reading it up to the limit first and
 * forwarding it only when it fits. The limit is {@code max-body-size}, except for a multipart body
 * to an upload path ({@code upload.paths}), which may reach {@code upload.max-body-size}.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

  /** After authentication (-100) and the rate limit, so anonymous bodies are never buffered. */
  public static final int ORDER = -80;

  private final Problems problems;
  private final long maxBytes;
  private final long maxUploadBytes;
  private final List<PathPattern> uploadPaths;

  public BodySizeLimitFilter(Problems problems, LimitProperties limits) {
    this.problems = problems;
    this.maxBytes = limits.maxBodySize().toBytes();
    this.maxUploadBytes = limits.upload().maxBodySize().toBytes();
    this.uploadPaths =
        limits.upload().paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    long limit = limitOf(exchange.getRequest());
    long declared = headers.getContentLength();
    if (declared > limit) {
      return tooLarge(exchange, limit);
    }
    if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return chain.filter(exchange);
    }
    return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(limit, 1 << 30))
        .map(Body::of)
        .defaultIfEmpty(Body.EMPTY)
        .flatMap(body -> forward(exchange, chain, body))
        .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange, limit));
  }

  /** The upload limit for a multipart body to an upload path, else the limit of every body. */
  private long limitOf(ServerHttpRequest request) {
    MediaType type;
    try {
      type = request.getHeaders().getContentType();
    } catch (InvalidMediaTypeException e) {
      return maxBytes; // the service refuses it; it is no upload here
    }
    boolean upload =
        type != null
            && MediaType.MULTIPART_FORM_DATA.includes(type)
            && uploadPaths.stream()
                .anyMatch(p -> p.matches(request.getPath().pathWithinApplication()));
    return upload ? maxUploadBytes : maxBytes;
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

  private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
    return problems.write(
        exchange,
        GatewayProblem.PAYLOAD_TOO_LARGE,
        "请求体超过 " + limit + " 字节 The request body exceeds " + limit + " bytes");
  }

  /** A body read whole (null buffer when there was none). */
  private record Body(DataBuffer buffer, int length) {
    static final Body EMPTY = new Body(null, 0);

    static Body of(DataBuffer buffer) {
      return new Body(buffer, buffer.readableByteCount());
    }
  }
}
