package gov.supervision.contracts;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each service's code does with Kafka, and so what its principal may do and no more: who
 * publishes each topic, who consumes what (the {@code @KafkaListener}s, one consumer group per
 * service), and who replays dead letters. The one source for every place that grants access: the
 * local stack's ACLs, docker-compose's and the Kubernetes {@code KafkaUser}s (checked by
 * deploy-check).
 *
 * <p>Each service writes its own topics and the dead-letter topics of what it consumes (the error
 * handler parks a record there), and reads what it consumes. Each consuming service's administrator
 * replay (service-support's {@code DeadLetterReplay}) reads the dead-letter topics of what its
 * replayable listener consumes with a group of its own ({@code <service>-dlt-replay}) and hands the
 * records that listener parked to it again; a record that fails again goes back to the dead-letter
 * topic. It never writes another service's topic.
 *
 * @param topicOwners topic name to the service that publishes it
 * @param consumes service to the topics it listens to
 * @param deadLetterReplays service to the source topics whose dead letters it replays: those of its
 *     replayable listener (not notification-service's witness of the checkpoint topic)
 */
public record TopicAccess(
    Map<String, String> topicOwners,
    Map<String, Set<String>> consumes,
    Map<String, Set<String>> deadLetterReplays) {

  /** The suite as the code is today. */
  public static final TopicAccess SUITE =
      new TopicAccess(
          Map.of(
              Topics.CHECKLIST, "checklist-service",
              Topics.EVALUATION, "evaluation-service",
              Topics.ACCESS_LOG, "evaluation-service"),
          Map.of(
              "checklist-service", Set.of(Topics.EVALUATION),
              "evaluation-service", Set.of(Topics.CHECKLIST),
              "notification-service",
                  Set.of(Topics.CHECKLIST, Topics.EVALUATION, Topics.ACCESS_LOG)),
          Map.of(
              "checklist-service", Set.of(Topics.EVALUATION),
              "evaluation-service", Set.of(Topics.CHECKLIST),
              "notification-service", Set.of(Topics.CHECKLIST, Topics.EVALUATION)));

  /** Suffix of the group with which a service replays its dead letters. */
  public static final String REPLAY_GROUP_SUFFIX = "-dlt-replay";

  public TopicAccess {
    topicOwners = Map.copyOf(topicOwners);
    consumes = Map.copyOf(consumes);
    deadLetterReplays = Map.copyOf(deadLetterReplays);
  }

  /** The dead-letter topic of {@code topic}. */
  public static String deadLetters(String topic) {
    return topic + "-dlt";
  }

  /** Every service that uses Kafka, sorted. */
  public Set<String> services() {
    Set<String> services = new TreeSet<>(topicOwners.values());
    services.addAll(consumes.keySet());
    services.addAll(deadLetterReplays.keySet());
    return services;
  }

  /** Every topic the suite uses: the event topics and their dead-letter topics. */
  public Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    topicOwners.keySet().forEach(t -> topics.add(t));
    topicOwners.keySet().forEach(t -> topics.add(deadLetters(t)));
    return topics;
  }

  /** The topics whose dead letters {@code service} replays. */
  public Set<String> replayed(String service) {
    return deadLetterReplays.getOrDefault(service, Set.of());
  }

  /** The topics {@code service} listens to. */
  public Set<String> consumed(String service) {
    return consumes.getOrDefault(service, Set.of());
  }

  /** Its own topics and the dead-letter topics of what it consumes. */
  public Set<String> writable(String service) {
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
    return topics;
  }

  /** What it consumes, plus the dead-letter topics it replays. */
  public Set<String> readable(String service) {
    Set<String> topics = new TreeSet<>(consumed(service));
    replayed(service).forEach(t -> topics.add(deadLetters(t)));
    return topics;
  }

  /**
   * The consumer groups {@code service} uses: its own name for its listeners, and {@code
   * <name>-dlt-replay} if it replays dead letters.
   */
  public Set<String> consumerGroups(String service) {
    Set<String> groups = new TreeSet<>();
    if (!consumed(service).isEmpty()) {
      groups.add(service);
    }
    if (!replayed(service).isEmpty()) {
      groups.add(service + REPLAY_GROUP_SUFFIX);
    }
    return groups;
  }
}
