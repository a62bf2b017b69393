package gov.supervision.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One service of the suite, as data: the launcher reads this list instead of switching on names.
 *
 * @param name the module name; its jar is {@code <name>/target/<name>-<version>.jar}, its Kafka
 *     login (if any) bears the same name, and its first instance is the part of that name
 * @param portVariable the environment variable of {@code run-local.sh} moving its first port
 * @param defaultPort the first instance's port when nothing moves it
 * @param maxInstances how many instances {@code --replicas N} may start at most (the gateway: two)
 * @param routed whether the gateway routes to it ({@code supervision.routes.<name>})
 * @param needs what it is given on its command line beyond what every service gets
 */
record ServiceDefinition(
    String name,
    String portVariable,
    int defaultPort,
    int maxInstances,
    boolean routed,
    List<ServiceNeed> needs) {

  /**
   * Instances beyond the first listen on the first one's port plus this, times their number less
   * one (8081, 8181, 8281 ...), unless free ports were asked for.
   */
  static final int REPLICA_PORT_STEP = 100;

  /** The suite's services in start order (the gateway last, it only routes). */
  static final List<ServiceDefinition> SUITE =
      List.of(
          new ServiceDefinition(
              "checklist-service",
              "CHECKLIST_PORT",
              8081,
              Integer.MAX_VALUE,
              true,
              List.of(ServiceNeed.STORE, ServiceNeed.KAFKA, ServiceNeed.MAIL)),
          new ServiceDefinition(
              "evaluation-service",
              "EVALUATION_PORT",
              8082,
              Integer.MAX_VALUE,
              true,
              List.of(
                  ServiceNeed.STORE,
                  ServiceNeed.KAFKA,
                  ServiceNeed.MAIL,
                  ServiceNeed.ACCESS_LOG_KEY,
                  ServiceNeed.ACCESS_LOG_WITNESS)),
          new ServiceDefinition(
              "notification-service",
              "NOTIFICATION_PORT",
              8083,
              Integer.MAX_VALUE,
              true,
              List.of(ServiceNeed.STORE, ServiceNeed.KAFKA, ServiceNeed.MAIL)),
          new ServiceDefinition(
              "gateway",
              "GATEWAY_PORT",
              8080,
              2,
              false,
              List.of(ServiceNeed.STORE, ServiceNeed.SIGN_IN, ServiceNeed.ROUTES)));

  /** The definition of the service {@code name}. */
  static ServiceDefinition named(String name) {
    return SUITE.stream()
        .filter(definition -> definition.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
  }

  /**
   * Its MongoDB database: the name without {@code -service} ({@code checklist}, {@code gateway}).
   */
  String database() {
    return name.replaceFirst("-service$", "");
  }

  /** How many instances to start when {@code replicas} of each service are asked for. */
  int instances(int replicas) {
    return Math.min(replicas, maxInstances);
  }

  /** Its jar as the build leaves it in {@code repositoryRoot}. */
  Path jar(Path repositoryRoot, String version) {
    return repositoryRoot.resolve(name).resolve("target").resolve(name + "-" + version + ".jar");
  }
}
