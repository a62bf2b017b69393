package gov.supervision.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The settings of one {@link LocalStack}, fixed once {@link LocalStackBuilder#build()} made them.
 *
 * @param repositoryRoot the checkout whose service jars are started
 * @param workDir where data and logs go
 * @param serviceCache where each service's build is extracted and keeps its class data archive
 * @param version the project version in the jar names
 * @param infra the ports of the infrastructure
 * @param instances every instance of every service with its port, whether started or not (the
 *     gateway routes to the others' ports even when only it is started)
 * @param selected the services to start (module names)
 * @param requireServices fail instead of skipping a service whose jar is missing
 * @param java the {@code java} executable
 * @param classpath the class path of the infrastructure launchers
 * @param infraJavaOptions JVM options of the infrastructure JVMs
 * @param serviceJavaOptions JVM options of every service JVM
 * @param serviceArguments extra arguments of every service, after the stack's own
 * @param authArguments extra arguments of the issuer, after the stack's own
 * @param extraGatewayPorts ports of gateway instances tests may start besides
 * @param timeouts how long parts may take to start and stop
 * @param out where progress lines go
 */
record StackConfig(
    Path repositoryRoot,
    Path workDir,
    Path serviceCache,
    String version,
    InfraPorts infra,
    List<ServiceInstance> instances,
    List<String> selected,
    boolean requireServices,
    String java,
    String classpath,
    List<String> infraJavaOptions,
    List<String> serviceJavaOptions,
    List<String> serviceArguments,
    List<String> authArguments,
    List<Integer> extraGatewayPorts,
    Timeouts timeouts,
    Consumer<String> out) {

  StackConfig {
    instances = List.copyOf(instances);
    selected = List.copyOf(selected);
    infraJavaOptions = List.copyOf(infraJavaOptions);
    serviceJavaOptions = List.copyOf(serviceJavaOptions);
    serviceArguments = List.copyOf(serviceArguments);
    authArguments = List.copyOf(authArguments);
    extraGatewayPorts = List.copyOf(extraGatewayPorts);
  }

  /**
   * The infrastructure's ports.
   *
   * @param kafka Kafka's client port
   * @param kafkaController its KRaft controller port
   * @param mongo the MongoDB-compatible store
   * @param auth the issuer
   * @param smtp SMTP
   * @param mailHttp the mail listing
   */
  record InfraPorts(int kafka, int kafkaController, int mongo, int auth, int smtp, int mailHttp) {}

  /**
   * How long each infrastructure part and each service may take to become healthy, and a part to
   * stop before it is killed.
   */
  record Timeouts(Duration infra, Duration service, Duration stopGrace) {}

  /** The instances of the service {@code name}, first one first. */
  List<ServiceInstance> instancesOf(String name) {
    return instances.stream().filter(i -> i.definition().name().equals(name)).toList();
  }

  /** The instances of the selected services, in start order. */
  List<ServiceInstance> selectedInstances() {
    return instances.stream().filter(i -> selected.contains(i.definition().name())).toList();
  }
}
