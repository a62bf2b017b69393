package gov.supervision.gateway.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A request's ids ({@code requestId}, and {@code traceId}/{@code spanId} of its server span) in the
 * MDC only around the lines written while handling it: with {@code
 * spring.reactor.context-propagation=limited} nothing copies them onto the threads a request hops,
 * so every line the gateway writes for a request (besides the access line) opens one of these.
 * Taken from the exchange's attributes (also what the load balancer's callbacks see of a request)
 * or from the Reactor context of the request's chain; reading them costs two map lookups.
 */
public final class RequestLog implements AutoCloseable {

  /** The MDC keys of the trace, as Micrometer Tracing names them. */
  public static final String TRACE_ID = "traceId";

  public static final String SPAN_ID = "spanId";

  private static final String[] KEYS = {RequestIdFilter.KEY, TRACE_ID, SPAN_ID};

  private final String[] previous = new String[KEYS.length];

  private RequestLog(String requestId, TraceContext trace) {
    String[] values = {
      requestId, trace == null ? null : trace.traceId(), trace == null ? null : trace.spanId()
    };
    for (int i = 0; i < KEYS.length; i++) {
      previous[i] = MDC.get(KEYS[i]);
      if (values[i] != null) {
        MDC.put(KEYS[i], values[i]);
      }
    }
  }

  /** The ids of the request whose exchange attributes these are, in the MDC until closed. */
  public static RequestLog of(Map<String, Object> exchangeAttributes) {
    Object requestId = exchangeAttributes.get(RequestIdFilter.ATTRIBUTE);
    TraceContext trace =
        ServerRequestObservationContext.findCurrent(exchangeAttributes)
            .map(context -> context.<TracingContext>get(TracingContext.class))
            .map(RequestLog::traceOf)
            .orElse(null);
    return new RequestLog(requestId == null ? null : requestId.toString(), trace);
  }

  /** The ids of the exchange's request, in the MDC until closed. */
  public static RequestLog of(ServerWebExchange exchange) {
    return of(exchange.getAttributes());
  }

  /** The ids of the request whose reactive chain has this context, in the MDC until closed. */
  public static RequestLog of(ContextView context) {
    String requestId = context.getOrDefault(RequestIdFilter.KEY, null);
    Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
    TraceContext trace =
        observation == null
            ? null
            : traceOf(observation.getContextView().<TracingContext>get(TracingContext.class));
    return new RequestLog(requestId, trace);
  }

  /**
   * A step of a request's chain that writes its lines with the request's ids in the MDC: {@code
   * lines} runs (and writes at once) inside {@link #of(ContextView)}, and the Mono it returns is
   * what the step emits.
   */
  public static <T> Mono<T> writing(Function<ContextView, Mono<T>> lines) {
    return Mono.deferContextual(
        context -> {
          try (RequestLog ids = of(context)) {
            return lines.apply(context);
          }
        });
  }

  private static TraceContext traceOf(TracingContext tracing) {
    Span span = tracing == null ? null : tracing.getSpan();
    return span == null ? null : span.context();
  }

  /** Puts back what the MDC held before. */
  @Override
  public void close() {
    for (int i = 0; i < KEYS.length; i++) {
      if (previous[i] == null) {
        MDC.remove(KEYS[i]);
      } else {
        MDC.put(KEYS[i], previous[i]);
      }
    }
  }
}
