package gov.supervision.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A view of a rendered set of manifests (changes to the list show), with the look-ups the rules
 * need.
 */
final class Manifests {

  private final List<Map<String, Object>> all;

  Manifests(List<Map<String, Object>> all) {
    this.all = all;
  }

  List<Map<String, Object>> all() {
    return all;
  }

  List<Map<String, Object>> ofKind(String kind) {
    return all.stream().filter(m -> kind.equals(Tree.text(m, "kind"))).toList();
  }

  Optional<Map<String, Object>> find(String kind, String name) {
    return ofKind(kind).stream()
        .filter(m -> name.equals(Tree.text(m, "metadata", "name")))
        .findFirst();
  }

  List<Map<String, Object>> deployments() {
    return ofKind("Deployment");
  }

  static String name(Map<String, Object> manifest) {
    return Tree.text(manifest, "metadata", "name");
  }

  static Map<String, Object> podLabels(Map<String, Object> deployment) {
    return Tree.map(deployment, "spec", "template", "metadata", "labels");
  }

  static Map<String, Object> podSpec(Map<String, Object> deployment) {
    return Tree.map(deployment, "spec", "template", "spec");
  }

  static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    return Tree.maps(podSpec(deployment), "containers");
  }

  /** Containers and init containers: everything that runs in the pod. */
  static List<Map<String, Object>> everyContainer(Map<String, Object> deployment) {
    List<Map<String, Object>> every =
        new ArrayList<>(Tree.maps(podSpec(deployment), "initContainers"));
    every.addAll(containers(deployment));
    return every;
  }

  /** The literal value of environment variable {@code name} in any container, or null. */
  static String env(Map<String, Object> deployment, String name) {
    return envEntry(deployment, name).map(e -> Tree.text(e, "value")).orElse(null);
  }

  static Optional<Map<String, Object>> envEntry(Map<String, Object> deployment, String name) {
    return containers(deployment).stream()
        .flatMap(c -> Tree.maps(c, "env").stream())
        .filter(e -> name.equals(Tree.text(e, "name")))
        .findFirst();
  }

  /** The Secret an environment variable is read from, or null. */
  static String envSecret(Map<String, Object> deployment, String name) {
    return envEntry(deployment, name)
        .map(e -> Tree.text(e, "valueFrom", "secretKeyRef", "name"))
        .orElse(null);
  }

  /** Whether a label selector's {@code matchLabels} select pods with {@code labels}. */
  static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
    if (!Tree.list(selector, "matchExpressions").isEmpty()) {
      throw new UnsupportedOperationException("matchExpressions are not evaluated here");
    }
    Map<String, Object> match = Tree.map(selector, "matchLabels");
    return match.entrySet().stream()
        .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
  }

  /** The autoscaler of a Deployment, if any. */
  Optional<Map<String, Object>> autoscalerOf(Map<String, Object> deployment) {
    return ofKind("HorizontalPodAutoscaler").stream()
        .filter(h -> "Deployment".equals(Tree.text(h, "spec", "scaleTargetRef", "kind")))
        .filter(h -> name(deployment).equals(Tree.text(h, "spec", "scaleTargetRef", "name")))
        .findFirst();
  }

  /** The Deployments whose pods a pod selector (same namespace) selects. */
  List<Map<String, Object>> deploymentsSelectedBy(Map<String, Object> podSelector) {
    return deployments().stream().filter(d -> selects(podSelector, podLabels(d))).toList();
  }
}
