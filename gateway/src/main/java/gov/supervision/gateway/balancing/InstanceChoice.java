package gov.supervision.gateway.balancing;

import gov.supervision.gateway.routing.RouteProperties;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The instance choice of one service, in its Spring Cloud LoadBalancer child context (deliberately
 * not a {@code @Configuration}: the child contexts load it, the application's scan must not). Round
 * robin (LoadBalancer's default) over the configured instances; when there are several, only over
 * those whose health check ({@code spring.cloud.loadbalancer.health-check.*}: path, interval)
 * answered 200 the last time, without those that {@linkplain RefusedInstances refused a connection}
 * since, and not the one a retried call has just failed on. One instance is simply that instance
 * (or a Kubernetes Service): no health check, a refused connection is the caller's 503 as before.
 */
public class InstanceChoice {

  @Bean
  RefusedInstances refusedInstances(
      ConfigurableApplicationContext context, LoadBalancerClientFactory factory) {
    String service = LoadBalancerClientFactory.getName(context.getEnvironment());
    return new RefusedInstances(
        factory.getProperties(service).getHealthCheck().getInterval(), Clock.systemUTC());
  }

  @Bean
  ServiceInstanceListSupplier instances(
      ConfigurableApplicationContext context, RouteProperties routes, RefusedInstances refused) {
    String service = LoadBalancerClientFactory.getName(context.getEnvironment());
    List<URI> urls = routes.instances(service);
    ServiceInstanceListSupplierBuilder builder =
        ServiceInstanceListSupplier.builder().withBase(new ConfiguredInstances(service, urls));
    if (urls.size() > 1) {
      builder
          .withHealthChecks(WebClient.create())
          .with((ctx, delegate) -> refused.leftOut(delegate))
          .with((ctx, delegate) -> new OtherInstanceOnRetry(delegate));
    }
    return builder.build(context);
  }
}
