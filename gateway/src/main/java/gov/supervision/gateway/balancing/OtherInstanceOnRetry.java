package gov.supervision.gateway.balancing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;

import gov.supervision.gateway.tracing.RequestLog;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * A call the route's Retry filter repeats (GET and HEAD only) goes to another instance than the one
 * it has just failed on, when there is another. The gateway's load-balancer filter leaves its last
 * choice in the exchange's attributes, which reach the load balancer with the request; the first
 * attempt finds none there.
 */
final class OtherInstanceOnRetry extends DelegatingServiceInstanceListSupplier {

  private static final Logger log = LoggerFactory.getLogger(OtherInstanceOnRetry.class);

  OtherInstanceOnRetry(ServiceInstanceListSupplier delegate) {
    super(delegate);
  }

  @Override
  public Flux<List<ServiceInstance>> get() {
    return delegate.get();
  }

  @Override
  public Flux<List<ServiceInstance>> get(Request request) {
    String tried = triedBefore(request);
    if (tried == null) {
      return delegate.get(request);
    }
    try (RequestLog ids = RequestLog.of(RefusedInstances.attributesOf(request))) {
      log.info("{} retried on another instance than {}", getServiceId(), tried);
    }
    return delegate
        .get(request)
        .map(
            instances -> {
              List<ServiceInstance> others =
                  instances.stream().filter(i -> !tried.equals(i.getInstanceId())).toList();
              return others.isEmpty() ? instances : others;
            });
  }

  private static String triedBefore(Request<?> request) {
    if (request.getContext() instanceof RequestDataContext context
        && context.getClientRequest() != null
        && context.getClientRequest().getAttributes().get(GATEWAY_LOADBALANCER_RESPONSE_ATTR)
            instanceof Response<?> previous
        && previous.getServer() instanceof ServiceInstance instance) {
      return instance.getInstanceId();
    }
    return null;
  }
}
