package gov.supervision.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Before anything starts: every port the stack will listen on is free and given once. */
final class PortCheck {

  private PortCheck() {}

  /**
   * @throws LocalStackException naming each port taken or given twice, and how to move it
   */
  static void requireFree(StackConfig config, List<ServiceInstance> instances) {
    StackConfig.InfraPorts infra = config.infra();
    Map<String, Integer> ports = new LinkedHashMap<>();
    Map<String, String> variables = new LinkedHashMap<>();
    put(ports, variables, "kafka", infra.kafka(), "KAFKA_PORT");
    put(ports, variables, "kafka controller", infra.kafkaController(), "KAFKA_CONTROLLER_PORT");
    put(ports, variables, "mongo", infra.mongo(), "MONGO_PORT");
    put(ports, variables, "auth", infra.auth(), "AUTH_PORT");
    put(ports, variables, "mail (SMTP)", infra.smtp(), "SMTP_PORT");
    put(ports, variables, "mail (HTTP)", infra.mailHttp(), "MAIL_HTTP_PORT");
    for (ServiceInstance instance : instances) {
      String variable = instance.definition().portVariable();
      put(
          ports,
          variables,
          instance.name(),
          instance.port(),
          instance.number() == 1
              ? variable
              : variable
                  + " (instance n listens on it + "
                  + ServiceDefinition.REPLICA_PORT_STEP
                  + " x (n - 1))");
    }
    Set<Integer> seen = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    ports.forEach(
        (part, port) -> {
          if (!seen.add(port)) {
            problems.add("port " + port + " is configured twice (" + part + ")");
          } else if (!Ports.isFree(port)) {
            problems.add(
                "port "
                    + port
                    + " for "
                    + part
                    + " is already in use (stop what holds it, or set "
                    + variables.get(part)
                    + ")");
          }
        });
    if (!problems.isEmpty()) {
      throw new LocalStackException(String.join("; ", problems));
    }
  }

  private static void put(
      Map<String, Integer> ports,
      Map<String, String> variables,
      String part,
      int port,
      String variable) {
    ports.put(part, port);
    variables.put(part, variable);
  }
}
