package gov.supervision.gateway.tracing;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the request id as a context-propagated value: with {@code
 * spring.reactor.context-propagation=auto} (set in application.yml) Reactor copies it from the
 * Reactor context into the MDC on whatever thread handles a signal, so every log line of a request
 * carries {@code requestId}.
 */
@Configuration(proxyBeanMethods = false)
public class MdcPropagation {

  static {
    ContextRegistry.getInstance()
        .registerThreadLocalAccessor(
            RequestIdFilter.KEY,
            () -> MDC.get(RequestIdFilter.KEY),
            value -> MDC.put(RequestIdFilter.KEY, value),
            () -> MDC.remove(RequestIdFilter.KEY));
  }
}
