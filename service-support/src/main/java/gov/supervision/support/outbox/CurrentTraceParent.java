package gov.supervision.support.outbox;

import gov.supervision.contracts.CloudEventHeaders;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The W3C {@code traceparent} of the span current on this thread, written by the application's own
 * propagator, so an event sent later by the relay continues the trace of the change that caused it.
 */
class CurrentTraceParent implements Supplier<String> {

  private final Tracer tracer;
  private final Propagator propagator;

  CurrentTraceParent(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  @Override
  public String get() {
    TraceContext context = tracer.currentTraceContext().context();
    if (context == null) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(context, carrier, Map::put);
    return carrier.get(CloudEventHeaders.TRACE_PARENT);
  }
}
