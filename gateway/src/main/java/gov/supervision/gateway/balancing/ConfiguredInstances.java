package gov.supervision.gateway.balancing;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances of one service as {@code supervision.routes.<service>} lists them; the instance id
 * is {@code <service>-<n>}, n counted from 1 in the configured order.
 */
final class ConfiguredInstances implements ServiceInstanceListSupplier {

  private final String service;
  private final List<ServiceInstance> instances;

  ConfiguredInstances(String service, List<URI> urls) {
    this.service = service;
    this.instances =
        IntStream.range(0, urls.size())
            .<ServiceInstance>mapToObj(
                i -> {
                  URI url = urls.get(i);
                  boolean secure = "https".equalsIgnoreCase(url.getScheme());
                  int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
                  return new DefaultServiceInstance(
                      service + "-" + (i + 1), service, url.getHost(), port, secure);
                })
            .toList();
  }

  @Override
  public String getServiceId() {
    return service;
  }

  @Override
  public Flux<List<ServiceInstance>> get() {
    return Flux.just(instances);
  }
}
