package gov.supervision.deploy;

import gov.supervision.contracts.TopicAccess;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka through Strimzi: one KRaft cluster of at least three brokers and controllers on disks that
 * survive a restart, SCRAM-SHA-512 over TLS on every listener with simple authorisation; topics
 * with 3 replicas of which 2 must acknowledge; one KafkaUser per client whose ACLs grant exactly
 * what the code does (write its own topics, read what it consumes); and no more consumers than
 * partitions.
 */
final class KafkaRules {

  static final String API = "kafka.strimzi.io/v1";
  private static final Set<String> TOPIC_CHANGES =
      Set.of("Create", "Delete", "Alter", "AlterConfigs", "All");

  private final Manifests manifests;
  private final SuiteWiring wiring;
  private final List<String> violations;

  KafkaRules(Manifests manifests, SuiteWiring wiring, List<String> violations) {
    this.manifests = manifests;
    this.wiring = wiring;
    this.violations = violations;
  }

  void check() {
    List<Map<String, Object>> clusters = manifests.ofKind("Kafka");
    if (clusters.size() != 1) {
      violations.add(clusters.size() + " Kafka clusters rendered, not 1");
      return;
    }
    Map<String, Object> kafka = clusters.get(0);
    String cluster = Manifests.name(kafka);
    cluster(kafka);
    nodePools(cluster);
    topics(cluster);
    for (Map<String, Object> deployment : manifests.deployments()) {
      if (Manifests.envEntry(deployment, "SPRING_KAFKA_BOOTSTRAP_SERVERS").isPresent()) {
        client(deployment, cluster);
      }
    }
    for (Map<String, Object> user : manifests.ofKind("KafkaUser")) {
      user(user, cluster);
    }
  }

  private void cluster(Map<String, Object> kafka) {
    String subject = Tree.id(kafka);
    apiVersion(kafka);
    List<Map<String, Object>> listeners = Tree.maps(kafka, "spec", "kafka", "listeners");
    if (listeners.isEmpty()) {
      violations.add(subject + ": no listener");
    }
    for (Map<String, Object> listener : listeners) {
      String where = subject + " listener " + Tree.text(listener, "name");
      if (!Boolean.TRUE.equals(listener.get("tls"))
          || !"scram-sha-512".equals(Tree.text(listener, "authentication", "type"))) {
        violations.add(where + ": not SCRAM-SHA-512 over TLS");
      }
      List<Map<String, Object>> peers = Tree.maps(listener, "networkPolicyPeers");
      if (peers.isEmpty()) {
        violations.add(where + ": no networkPolicyPeers, so any pod may connect");
      }
      for (Map<String, Object> peer : peers) {
        List<Map<String, Object>> selected =
            manifests.deploymentsSelectedBy(Tree.map(peer, "podSelector"));
        boolean onlyClients =
            peer.keySet().equals(Set.of("podSelector"))
                && !selected.isEmpty()
                && selected.stream()
                    .allMatch(d -> manifests.find("KafkaUser", Manifests.name(d)).isPresent());
        if (!onlyClients) {
          violations.add(
              where + ": networkPolicyPeer " + peer + " admits pods that are not Kafka clients");
        }
      }
    }
    if (!"simple".equals(Tree.text(kafka, "spec", "kafka", "authorization", "type"))) {
      violations.add(subject + ": authorization is not simple (ACLs)");
    }
    Map<String, Object> config = Tree.map(kafka, "spec", "kafka", "config");
    atLeast(subject, config, "default.replication.factor", 3);
    atLeast(subject, config, "min.insync.replicas", 2);
    atLeast(subject, config, "offsets.topic.replication.factor", 3);
    if (!"false".equals(Tree.text(config, "auto.create.topics.enable"))) {
      violations.add(
          subject + ": auto.create.topics.enable is not false (topics come from KafkaTopics)");
    }
  }

  private void nodePools(String cluster) {
    int brokers = 0;
    int controllers = 0;
    for (Map<String, Object> pool : manifests.ofKind("KafkaNodePool")) {
      String subject = Tree.id(pool);
      apiVersion(pool);
      if (!cluster.equals(Tree.text(pool, "metadata", "labels", "strimzi.io/cluster"))) {
        violations.add(subject + ": not labelled strimzi.io/cluster=" + cluster);
        continue;
      }
      int replicas = Tree.get(pool, "spec", "replicas") instanceof Integer n ? n : 0;
      List<Object> roles = Tree.list(pool, "spec", "roles");
      brokers += roles.contains("broker") ? replicas : 0;
      controllers += roles.contains("controller") ? replicas : 0;
      Map<String, Object> storage = Tree.map(pool, "spec", "storage");
      boolean ephemeral =
          "ephemeral".equals(Tree.text(storage, "type"))
              || Tree.maps(storage, "volumes").stream()
                  .anyMatch(v -> "ephemeral".equals(Tree.text(v, "type")));
      if (ephemeral) {
        violations.add(subject + ": ephemeral storage loses the log on a restart");
      }
      for (String bound : List.of("requests", "limits")) {
        for (String resource : List.of("cpu", "memory")) {
          if (Quantity.parse(Tree.text(pool, "spec", "resources", bound, resource)) == null) {
            violations.add(subject + ": no resources." + bound + "." + resource);
          }
        }
      }
    }
    if (brokers < 3) {
      violations.add("Kafka " + cluster + ": " + brokers + " brokers, fewer than 3");
    }
    if (controllers < 3 || controllers % 2 == 0) {
      violations.add(
          "Kafka "
              + cluster
              + ": "
              + controllers
              + " KRaft controllers, not an odd number of 3 or more");
    }
  }

  private void topics(String cluster) {
    for (Map<String, Object> topic : manifests.ofKind("KafkaTopic")) {
      String subject = Tree.id(topic);
      apiVersion(topic);
      if (!cluster.equals(Tree.text(topic, "metadata", "labels", "strimzi.io/cluster"))) {
        violations.add(subject + ": not labelled strimzi.io/cluster=" + cluster);
      }
      Object replicas = Tree.get(topic, "spec", "replicas");
      if (!Integer.valueOf(3).equals(replicas)) {
        violations.add(subject + ": replicas " + replicas + ", not 3");
      }
      String minIsr = Tree.text(topic, "spec", "config", "min.insync.replicas");
      if (!"2".equals(minIsr)) {
        violations.add(subject + ": min.insync.replicas " + minIsr + ", not 2");
      }
      if (partitions(topicName(topic)) < 1) {
        violations.add(subject + ": no partitions");
      }
    }
    for (String topic : wiring.kafka().topics()) {
      if (findTopic(topic).isEmpty()) {
        violations.add("no KafkaTopic " + topic);
      }
    }
    for (String topic : wiring.kafka().topicOwners().keySet()) {
      String deadLetters = TopicAccess.deadLetters(topic);
      if (partitions(deadLetters) < partitions(topic)) {
        violations.add(
            "KafkaTopic "
                + deadLetters
                + ": fewer partitions than "
                + topic
                + " (a dead letter keeps its partition number)");
      }
    }
  }

  private void client(Map<String, Object> deployment, String cluster) {
    String name = Manifests.name(deployment);
    String subject = Tree.id(deployment);
    if (manifests.find("KafkaUser", name).isEmpty()) {
      violations.add(subject + ": a Kafka client without a KafkaUser " + name);
    }
    if (!name.equals(Manifests.envSecret(deployment, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))) {
      violations.add(
          subject + ": sasl.jaas.config is not read from the KafkaUser's Secret " + name);
    }
    expectEnv(subject, deployment, "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    expectEnv(subject, deployment, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
    // the ACLs grant no Create: a service declaring topics would fail to start
    expectEnv(subject, deployment, "SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
    Set<String> consumed = wiring.kafka().consumed(name);
    if (consumed.isEmpty()) {
      return;
    }
    String concurrency = Manifests.env(deployment, "SPRING_KAFKA_LISTENER_CONCURRENCY");
    Integer maxReplicas =
        manifests
            .autoscalerOf(deployment)
            .map(h -> Tree.get(h, "spec", "maxReplicas") instanceof Integer n ? n : null)
            .orElse(null);
    if (concurrency == null || !concurrency.matches("[1-9][0-9]*") || maxReplicas == null) {
      violations.add(
          subject
              + ": a consumer needs SPRING_KAFKA_LISTENER_CONCURRENCY and an autoscaler maxReplicas");
      return;
    }
    int consumers = maxReplicas * Integer.parseInt(concurrency);
    for (String topic : consumed) {
      if (consumers > partitions(topic)) {
        violations.add(
            subject
                + ": up to "
                + consumers
                + " consumers (maxReplicas x concurrency) for "
                + partitions(topic)
                + " partitions of "
                + topic);
      }
    }
  }

  private void user(Map<String, Object> user, String cluster) {
    String name = Manifests.name(user);
    String subject = Tree.id(user);
    apiVersion(user);
    if (!cluster.equals(Tree.text(user, "metadata", "labels", "strimzi.io/cluster"))) {
      violations.add(subject + ": not labelled strimzi.io/cluster=" + cluster);
    }
    if (!"scram-sha-512".equals(Tree.text(user, "spec", "authentication", "type"))) {
      violations.add(subject + ": authentication is not scram-sha-512");
    }
    if (!"simple".equals(Tree.text(user, "spec", "authorization", "type"))) {
      violations.add(subject + ": authorization is not simple");
    }
    Set<String> writes = new TreeSet<>();
    Set<String> reads = new TreeSet<>();
    Set<String> groups = new TreeSet<>();
    Set<String> ownGroups = wiring.kafka().consumerGroups(name);
    for (Map<String, Object> acl : Tree.maps(user, "spec", "authorization", "acls")) {
      String type = Tree.text(acl, "resource", "type");
      String resource = Tree.text(acl, "resource", "name");
      List<Object> operations = Tree.list(acl, "operations");
      String where = subject + " ACL on " + type + " " + resource;
      if (acl.containsKey("type") && !"allow".equals(Tree.text(acl, "type"))) {
        continue;
      }
      String pattern = Tree.text(acl, "resource", "patternType");
      if ((pattern != null && !"literal".equals(pattern)) || "*".equals(resource)) {
        violations.add(where + ": not one literal name");
        continue;
      }
      if ("group".equals(type)) {
        if (!ownGroups.contains(resource) || !operations.equals(List.of("Read"))) {
          violations.add(where + ": only Read on the service's own consumer groups " + ownGroups);
        }
        groups.add(resource);
        continue;
      }
      if (!"topic".equals(type)) {
        violations.add(where + ": no service needs a " + type + " ACL");
        continue;
      }
      for (Object operation : operations) {
        String op = String.valueOf(operation);
        if (TOPIC_CHANGES.contains(op)) {
          violations.add(where + ": " + op + " changes topics, which only KafkaTopics do");
        } else if (op.equals("Write")) {
          writes.add(resource);
        } else if (op.equals("Read")) {
          reads.add(resource);
        } else if (!op.equals("Describe")) {
          violations.add(where + ": unexpected operation " + op);
        }
      }
    }
    Set<String> mayWrite = wiring.kafka().writable(name);
    Set<String> mayRead = wiring.kafka().readable(name);
    writes.stream()
        .filter(t -> !mayWrite.contains(t))
        .forEach(
            t ->
                violations.add(
                    subject + ": may not write " + t + " (writes only " + mayWrite + ")"));
    reads.stream()
        .filter(t -> !mayRead.contains(t))
        .forEach(
            t ->
                violations.add(
                    subject + ": may not read " + t + " (consumes only " + mayRead + ")"));
    mayWrite.stream()
        .filter(t -> !writes.contains(t))
        .forEach(t -> violations.add(subject + ": needs Write on " + t));
    mayRead.stream()
        .filter(t -> !reads.contains(t))
        .forEach(t -> violations.add(subject + ": needs Read on " + t));
    ownGroups.stream()
        .filter(g -> !groups.contains(g))
        .forEach(g -> violations.add(subject + ": needs Read on its consumer group " + g));
  }

  private void apiVersion(Map<String, Object> manifest) {
    if (!API.equals(Tree.text(manifest, "apiVersion"))) {
      violations.add(Tree.id(manifest) + ": apiVersion is not " + API);
    }
  }

  private void atLeast(String subject, Map<String, Object> config, String key, int least) {
    String value = Tree.text(config, key);
    if (value == null || !value.matches("[0-9]+") || Integer.parseInt(value) < least) {
      violations.add(subject + ": " + key + " is " + value + ", not at least " + least);
    }
  }

  private void expectEnv(
      String subject, Map<String, Object> deployment, String name, String value) {
    if (!value.equals(Manifests.env(deployment, name))) {
      violations.add(subject + ": " + name + " is not " + value);
    }
  }

  private Optional<Map<String, Object>> findTopic(String topic) {
    return manifests.ofKind("KafkaTopic").stream()
        .filter(t -> topic.equals(topicName(t)))
        .findFirst();
  }

  private static String topicName(Map<String, Object> topic) {
    String name = Tree.text(topic, "spec", "topicName");
    return name != null ? name : Manifests.name(topic);
  }

  private int partitions(String topic) {
    return findTopic(topic)
        .map(t -> Tree.get(t, "spec", "partitions") instanceof Integer n ? n : 0)
        .orElse(0);
  }
}
