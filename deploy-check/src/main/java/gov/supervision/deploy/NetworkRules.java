package gov.supervision.deploy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every pod of the suite is limited both ways by NetworkPolicies, and what they open is exactly:
 * anyone to the gateway; only the gateway to a service, and a service to the one it calls itself
 * ({@link SuiteWiring#calls}); a Kafka client to the brokers; a MongoDB user to the replica set;
 * everyone to cluster DNS and to the issuer the tokens name; and the outbound ports a service is
 * known to need (mail, webhooks), nothing else.
 */
final class NetworkRules {

  static final String GATEWAY = "gateway";
  private static final Pattern CLUSTER_HOST =
      Pattern.compile("[a-z0-9-]+\\.([a-z0-9-]+)\\.svc(\\.cluster\\.local)?");

  private final Manifests manifests;
  private final SuiteWiring wiring;
  private final List<String> violations;

  NetworkRules(Manifests manifests, SuiteWiring wiring, List<String> violations) {
    this.manifests = manifests;
    this.wiring = wiring;
    this.violations = violations;
  }

  void check() {
    for (Map<String, Object> deployment : manifests.deployments()) {
      String subject = Tree.id(deployment);
      List<Map<String, Object>> policies =
          manifests.ofKind("NetworkPolicy").stream()
              .filter(
                  p ->
                      Manifests.selects(
                          Tree.map(p, "spec", "podSelector"), Manifests.podLabels(deployment)))
              .toList();
      boolean ingressLimited = policies.stream().anyMatch(p -> hasType(p, "Ingress"));
      boolean egressLimited = policies.stream().anyMatch(p -> hasType(p, "Egress"));
      if (!ingressLimited) {
        violations.add(subject + ": no NetworkPolicy limits its ingress");
      }
      if (!egressLimited) {
        violations.add(subject + ": no NetworkPolicy limits its egress");
      }
      for (Map<String, Object> policy : policies) {
        String where = subject + " (NetworkPolicy " + Manifests.name(policy) + ")";
        if (hasType(policy, "Ingress")) {
          Tree.maps(policy, "spec", "ingress").forEach(rule -> ingress(where, deployment, rule));
        }
        if (hasType(policy, "Egress")) {
          Tree.maps(policy, "spec", "egress").forEach(rule -> egress(where, deployment, rule));
        }
      }
    }
  }

  private static boolean hasType(Map<String, Object> policy, String type) {
    return Tree.list(policy, "spec", "policyTypes").contains(type);
  }

  private void ingress(String where, Map<String, Object> deployment, Map<String, Object> rule) {
    if (Tree.list(rule, "ports").isEmpty()) {
      violations.add(where + ": an ingress rule opens every port");
    }
    if (GATEWAY.equals(Manifests.name(deployment))) {
      return;
    }
    List<Map<String, Object>> from = Tree.maps(rule, "from");
    if (from.isEmpty()) {
      violations.add(where + ": ingress from anywhere; only the gateway may reach a service");
    }
    Set<String> callers = wiring.callers(Manifests.name(deployment));
    for (Map<String, Object> peer : from) {
      List<String> selected =
          manifests.deploymentsSelectedBy(Tree.map(peer, "podSelector")).stream()
              .map(Manifests::name)
              .toList();
      boolean onlyCallers =
          peer.keySet().equals(Set.of("podSelector"))
              && (selected.equals(List.of(GATEWAY))
                  || (!selected.isEmpty() && callers.containsAll(selected)));
      if (!onlyCallers) {
        violations.add(
            where
                + ": ingress from "
                + peer
                + "; only the gateway may reach a service"
                + (callers.isEmpty() ? "" : " (and " + callers + " this one)"));
      }
    }
  }

  private void egress(String where, Map<String, Object> deployment, Map<String, Object> rule) {
    Set<String> ports =
        Tree.maps(rule, "ports").stream()
            .map(p -> Tree.text(p, "port"))
            .collect(Collectors.toCollection(TreeSet::new));
    List<Map<String, Object>> to = Tree.maps(rule, "to");
    if (to.isEmpty()) {
      anywhere(where, deployment, ports);
    }
    for (Map<String, Object> peer : to) {
      if (peer.containsKey("ipBlock")) {
        anywhere(where, deployment, ports);
      } else if (peer.containsKey("namespaceSelector")) {
        otherNamespace(where, deployment, peer, ports);
      } else {
        sameNamespace(where, deployment, Tree.map(peer, "podSelector"), ports);
      }
    }
  }

  private void anywhere(String where, Map<String, Object> deployment, Set<String> ports) {
    Set<String> allowed =
        wiring.outboundPorts().getOrDefault(Manifests.name(deployment), Set.of()).stream()
            .map(String::valueOf)
            .collect(Collectors.toSet());
    if (ports.isEmpty() || !allowed.containsAll(ports)) {
      violations.add(where + ": egress to anywhere on " + (ports.isEmpty() ? "every port" : ports));
    }
  }

  private void otherNamespace(
      String where, Map<String, Object> deployment, Map<String, Object> peer, Set<String> ports) {
    String namespace =
        Tree.text(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
    boolean dns = "kube-dns".equals(Tree.text(peer, "podSelector", "matchLabels", "k8s-app"));
    if (dns) {
      if (!ports.equals(Set.of("53"))) {
        violations.add(where + ": egress to cluster DNS on " + ports + ", not only 53");
      }
      return;
    }
    URI issuer = issuer(deployment);
    Matcher host =
        CLUSTER_HOST.matcher(issuer == null || issuer.getHost() == null ? "" : issuer.getHost());
    boolean toIssuer =
        host.matches()
            && host.group(1).equals(namespace)
            && !Tree.map(peer, "podSelector", "matchLabels").isEmpty()
            && ports.equals(Set.of(String.valueOf(port(issuer))));
    if (!toIssuer) {
      violations.add(
          where
              + ": egress to namespace "
              + namespace
              + " on "
              + ports
              + ", which is neither DNS nor the issuer "
              + issuer);
    }
  }

  private void sameNamespace(
      String where,
      Map<String, Object> deployment,
      Map<String, Object> selector,
      Set<String> ports) {
    String name = Manifests.name(deployment);
    Map<String, Object> kafka = manifests.ofKind("Kafka").stream().findFirst().orElse(Map.of());
    String cluster = Tree.text(selector, "matchLabels", "strimzi.io/cluster");
    if (cluster != null) {
      boolean client = manifests.find("KafkaUser", name).isPresent();
      Set<String> listeners =
          Tree.maps(kafka, "spec", "kafka", "listeners").stream()
              .map(l -> Tree.text(l, "port"))
              .collect(Collectors.toSet());
      if (!client
          || !cluster.equals(Manifests.name(kafka))
          || ports.isEmpty()
          || !listeners.containsAll(ports)) {
        violations.add(
            where
                + ": egress to Kafka on "
                + ports
                + " without being its client on a listener port");
      }
      return;
    }
    for (Map<String, Object> mongo : manifests.ofKind("MongoDBCommunity")) {
      Map<String, Object> labels =
          Tree.map(mongo, "spec", "statefulSet", "spec", "template", "metadata", "labels");
      if (!Tree.map(selector, "matchLabels").isEmpty() && Manifests.selects(selector, labels)) {
        if (Manifests.envSecret(deployment, "SPRING_MONGODB_URI") == null
            || !ports.equals(Set.of("27017"))) {
          violations.add(where + ": egress to MongoDB on " + ports + " without being its user");
        }
        return;
      }
    }
    List<String> selected =
        manifests.deploymentsSelectedBy(selector).stream().map(Manifests::name).toList();
    boolean ownCall = !selected.isEmpty() && wiring.callees(name).containsAll(selected);
    if (!ownCall && (!GATEWAY.equals(name) || selected.isEmpty() || selected.contains(GATEWAY))) {
      violations.add(
          where
              + ": egress to pods "
              + selector
              + " ("
              + selected
              + "); only the gateway calls services");
    }
  }

  /** The issuer the Deployment's tokens are checked against, from its environment or config map. */
  private URI issuer(Map<String, Object> deployment) {
    String variable = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    String value = Manifests.env(deployment, variable);
    if (value == null) {
      value =
          Manifests.envEntry(deployment, variable)
              .flatMap(
                  e -> {
                    String map = Tree.text(e, "valueFrom", "configMapKeyRef", "name");
                    String key = Tree.text(e, "valueFrom", "configMapKeyRef", "key");
                    return manifests
                        .find("ConfigMap", map == null ? "" : map)
                        .map(c -> Tree.text(c, "data", key));
                  })
              .orElse(null);
    }
    return value == null ? null : URI.create(value);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }
}
