package gov.supervision.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One process of a service: the first is named as the service ({@code checklist-service}), the
 * others get their number ({@code checklist-service-2}); each has its own port.
 *
 * @param definition the service it runs
 * @param number 1 for the first instance
 * @param port its HTTP port on 127.0.0.1
 */
record ServiceInstance(ServiceDefinition definition, int number, int port) {

  /** The part's name: its log is {@code logs/<name>.log}. */
  String name() {
    return number == 1 ? definition.name() : definition.name() + "-" + number;
  }

  /** Its base URL. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Every instance of every service of the suite: {@code replicas} of each (as far as its
   * definition allows), the first on its port in {@code firstPorts}, the others on free ports or on
   * the first's plus {@link ServiceDefinition#REPLICA_PORT_STEP} per number.
   */
  static List<ServiceInstance> plan(
      Map<String, Integer> firstPorts, int replicas, boolean freePorts) {
    List<ServiceInstance> instances = new ArrayList<>();
    for (ServiceDefinition service : ServiceDefinition.SUITE) {
      int first = firstPorts.get(service.name());
      for (int number = 1; number <= service.instances(replicas); number++) {
        int port =
            number == 1
                ? first
                : freePorts
                    ? Ports.free()
                    : first + ServiceDefinition.REPLICA_PORT_STEP * (number - 1);
        instances.add(new ServiceInstance(service, number, port));
      }
    }
    return instances;
  }
}
