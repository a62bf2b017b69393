package gov.supervision.deploy;

import gov.supervision.contracts.Topics;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the suite's code does with Kafka and the network, which the manifests must allow and no
 * more: who owns (publishes) each topic, who consumes what (the {@code @KafkaListener}s), who
 * replays dead letters (notification-service's administrator replay writes them back onto the
 * original topic), and which ports a service may reach outside the cluster.
 *
 * @param topicOwners topic name to the service that publishes it
 * @param consumes service to the topics it listens to
 * @param deadLetterReplays service to the source topics whose dead letters it reads and writes back
 *     (not the witness's checkpoint topic: nobody but evaluation-service writes there)
 * @param outboundPorts service to the ports it may reach anywhere (mail relay, webhooks)
 */
record SuiteWiring(
    Map<String, String> topicOwners,
    Map<String, Set<String>> consumes,
    Map<String, Set<String>> deadLetterReplays,
    Map<String, Set<Integer>> outboundPorts) {

  static final SuiteWiring SUITE =
      new SuiteWiring(
          Map.of(
              Topics.CHECKLIST, "checklist-service",
              Topics.EVALUATION, "evaluation-service",
              Topics.ACCESS_LOG, "evaluation-service"),
          Map.of(
              "checklist-service", Set.of(Topics.EVALUATION),
              "evaluation-service", Set.of(Topics.CHECKLIST),
              "notification-service",
                  Set.of(Topics.CHECKLIST, Topics.EVALUATION, Topics.ACCESS_LOG)),
          Map.of("notification-service", Set.of(Topics.CHECKLIST, Topics.EVALUATION)),
          Map.of("notification-service", Set.of(25, 587, 443)));

  static String deadLetters(String topic) {
    return topic + "-dlt";
  }

  /** Every topic the suite uses: the event topics and their dead-letter topics. */
  Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    topicOwners.keySet().forEach(t -> topics.add(t));
    topicOwners.keySet().forEach(t -> topics.add(deadLetters(t)));
    return topics;
  }

  Set<String> replayed(String service) {
    return deadLetterReplays.getOrDefault(service, Set.of());
  }

  Set<String> consumed(String service) {
    return consumes.getOrDefault(service, Set.of());
  }

  /** Its own topics and the dead-letter topics of what it reads (plus the replay's write-back). */
  Set<String> writable(String service) {
    Set<String> topics = new TreeSet<>();
    topicOwners.forEach(
        (topic, owner) -> {
          if (owner.equals(service)) {
            topics.add(topic);
          }
        });
    for (String topic : consumed(service)) {
      topics.add(deadLetters(topic));
    }
    topics.addAll(replayed(service));
    return topics;
  }

  /** What it consumes (plus the dead-letter topics it replays). */
  Set<String> readable(String service) {
    Set<String> topics = new TreeSet<>(consumed(service));
    replayed(service).forEach(t -> topics.add(deadLetters(t)));
    return topics;
  }
}
