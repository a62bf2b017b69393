package gov.supervision.gateway.tracing;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the request id as a context-propagated value: with {@code
 * spring.reactor.context-propagation=limited} (set in application.yml) Reactor copies it from the
 * Reactor context into the MDC inside {@code handle} and {@code tap}, for lines libraries write
 * there. The gateway's own lines put the request's ids into the MDC themselves ({@link
 * RequestLog}), only while they are written.
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
