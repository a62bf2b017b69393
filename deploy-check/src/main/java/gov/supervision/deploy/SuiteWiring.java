package gov.supervision.deploy;

import gov.supervision.contracts.TopicAccess;
import java.util.Map;
import java.util.Set;

/**
 * What the suite's code does with Kafka and the network, which the manifests must allow and no
 * more: the topics each service writes and reads ({@link TopicAccess}, shared with the local stack
 * and docker-compose), the services a service calls itself besides the gateway's routes, and which
 * ports a service may reach outside the cluster.
 *
 * @param kafka who publishes, consumes and replays which topic, with which consumer groups
 * @param calls service to the services it calls over HTTP itself (evaluation-service's access-log
 *     {@code verify} asks notification-service, the witness)
 * @param outboundPorts service to the ports it may reach anywhere (mail relay, webhooks)
 */
record SuiteWiring(
    TopicAccess kafka, Map<String, Set<String>> calls, Map<String, Set<Integer>> outboundPorts) {

  static final SuiteWiring SUITE =
      new SuiteWiring(
          TopicAccess.SUITE,
          Map.of("evaluation-service", Set.of("notification-service")),
          Map.of("notification-service", Set.of(25, 587, 443)));

  /** The services {@code service} may call (always including the gateway's calls to all). */
  Set<String> callees(String service) {
    return calls.getOrDefault(service, Set.of());
  }

  /** The services that call {@code service} themselves, besides the gateway. */
  Set<String> callers(String service) {
    Set<String> callers = new java.util.TreeSet<>();
    calls.forEach(
        (caller, callees) -> {
          if (callees.contains(service)) {
            callers.add(caller);
          }
        });
    return callers;
  }
}
