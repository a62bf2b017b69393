package gov.supervision.gateway.balancing;

import gov.supervision.gateway.tracing.RequestLog;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.ResponseData;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Instances of one service that refused a connection (or did not accept one within the connect
 * timeout): left out of the choice for one health-check interval from then on, so a dead instance
 * stops getting calls at its first refusal, not at the next health check, which then keeps it out
 * until it answers again. A slow answer or a reset connection does not count: those may come from a
 * live instance. When every instance refused lately, all are offered again.
 */
final class RefusedInstances
    implements LoadBalancerLifecycle<RequestDataContext, ResponseData, ServiceInstance> {

  private static final Logger log = LoggerFactory.getLogger(RefusedInstances.class);

  private final Duration leftOutFor;
  private final Clock clock;
  private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();

  RefusedInstances(Duration leftOutFor, Clock clock) {
    this.leftOutFor = leftOutFor;
    this.clock = clock;
  }

  /** {@code delegate}'s instances without those that refused lately. */
  ServiceInstanceListSupplier leftOut(ServiceInstanceListSupplier delegate) {
    return new DelegatingServiceInstanceListSupplier(delegate) {
      @Override
      public Flux<List<ServiceInstance>> get() {
        return delegate.get().map(RefusedInstances.this::without);
      }

      @Override
      public Flux<List<ServiceInstance>> get(Request request) {
        return delegate.get(request).map(RefusedInstances.this::without);
      }
    };
  }

  List<ServiceInstance> without(List<ServiceInstance> instances) {
    if (refusedUntil.isEmpty()) {
      return instances;
    }
    Instant now = clock.instant();
    refusedUntil.values().removeIf(until -> !until.isAfter(now));
    List<ServiceInstance> answering =
        instances.stream().filter(i -> !refusedUntil.containsKey(i.getInstanceId())).toList();
    return answering.isEmpty() ? instances : answering;
  }

  @Override
  public void onComplete(
      CompletionContext<ResponseData, ServiceInstance, RequestDataContext> completion) {
    Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
    if (completion.status() == CompletionContext.Status.FAILED
        && refused(completion.getThrowable())
        && chosen != null
        && chosen.hasServer()) {
      ServiceInstance instance = chosen.getServer();
      refusedUntil.put(instance.getInstanceId(), clock.instant().plus(leftOutFor));
      try (RequestLog ids = RequestLog.of(attributesOf(completion.getLoadBalancerRequest()))) {
        log.warn(
            "{} at {} refused a connection; left out for {}",
            instance.getServiceId(),
            instance.getUri(),
            leftOutFor);
      }
    }
  }

  /** The exchange attributes of the request the load balancer chose for (its ids among them). */
  static Map<String, Object> attributesOf(Request<?> request) {
    if (request != null
        && request.getContext() instanceof RequestDataContext context
        && context.getClientRequest() != null
        && context.getClientRequest().getAttributes() != null) {
      return context.getClientRequest().getAttributes();
    }
    return Map.of();
  }

  private static boolean refused(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void onStart(Request<RequestDataContext> request) {}

  @Override
  public void onStartRequest(
      Request<RequestDataContext> request, Response<ServiceInstance> lbResponse) {}
}
