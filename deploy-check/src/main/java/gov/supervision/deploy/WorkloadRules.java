package gov.supervision.deploy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per Deployment: a pinned image, health probes on the actuator groups the application exposes,
 * requests and limits, a non-root read-only container with a writable {@code /tmp}, and a
 * disruption budget and an autoscaler that leave at least one pod serving.
 */
final class WorkloadRules {

  static final String LIVENESS = "/actuator/health/liveness";
  static final String READINESS = "/actuator/health/readiness";

  private final Manifests manifests;
  private final Path repository;
  private final List<String> violations;

  WorkloadRules(Manifests manifests, Path repository, List<String> violations) {
    this.manifests = manifests;
    this.repository = repository;
    this.violations = violations;
  }

  void check() {
    if (manifests.deployments().isEmpty()) {
      violations.add("no Deployment rendered");
    }
    for (Map<String, Object> deployment : manifests.deployments()) {
      String subject = Tree.id(deployment);
      if (!Manifests.selects(
              Tree.map(deployment, "spec", "selector"), Manifests.podLabels(deployment))
          || Tree.map(deployment, "spec", "selector", "matchLabels").isEmpty()) {
        violations.add(subject + ": its selector does not select its own pod template");
      }
      podSecurity(subject, deployment);
      for (Map<String, Object> container : Manifests.everyContainer(deployment)) {
        String where = subject + " container " + Tree.text(container, "name");
        image(where, container);
        resources(where, container);
        containerSecurity(where, container, deployment);
        tmp(where, container, deployment);
      }
      for (Map<String, Object> container : Manifests.containers(deployment)) {
        probes(subject + " container " + Tree.text(container, "name"), container);
      }
      applicationExposesProbes(subject, deployment);
      disruptionBudget(subject, deployment);
      autoscaler(subject, deployment);
    }
  }

  private void image(String where, Map<String, Object> container) {
    ImageRef ref = ImageRef.parse(Tree.text(container, "image"));
    if (ref == null) {
      violations.add(where + ": no image");
    } else if (ref.digest() == null && (ref.tag() == null || ref.tag().equals("latest"))) {
      violations.add(where + ": image " + ref + " is not pinned (no tag, or latest)");
    }
  }

  private void resources(String where, Map<String, Object> container) {
    for (String resource : List.of("cpu", "memory")) {
      BigDecimal request = Quantity.parse(Tree.text(container, "resources", "requests", resource));
      BigDecimal limit = Quantity.parse(Tree.text(container, "resources", "limits", resource));
      if (request == null) {
        violations.add(where + ": no resources.requests." + resource);
      }
      if (limit == null) {
        violations.add(where + ": no resources.limits." + resource);
      }
      if (request != null && limit != null && limit.compareTo(request) < 0) {
        violations.add(where + ": resources.limits." + resource + " below its request");
      }
    }
  }

  private void podSecurity(String subject, Map<String, Object> deployment) {
    Map<String, Object> pod = Tree.map(Manifests.podSpec(deployment), "securityContext");
    if ("0".equals(Tree.text(pod, "runAsUser"))) {
      violations.add(subject + ": pod securityContext runs as root (runAsUser 0)");
    }
    String seccomp = Tree.text(pod, "seccompProfile", "type");
    if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
      violations.add(subject + ": pod securityContext.seccompProfile is not RuntimeDefault");
    }
  }

  private void containerSecurity(
      String where, Map<String, Object> container, Map<String, Object> deployment) {
    Map<String, Object> pod = Tree.map(Manifests.podSpec(deployment), "securityContext");
    Map<String, Object> own = Tree.map(container, "securityContext");
    Object runAsNonRoot =
        own.containsKey("runAsNonRoot") ? own.get("runAsNonRoot") : pod.get("runAsNonRoot");
    if (!Boolean.TRUE.equals(runAsNonRoot)) {
      violations.add(where + ": runAsNonRoot is not true");
    }
    if ("0".equals(Tree.text(own, "runAsUser"))) {
      violations.add(where + ": runs as root (runAsUser 0)");
    }
    if (!Boolean.FALSE.equals(own.get("allowPrivilegeEscalation"))) {
      violations.add(where + ": allowPrivilegeEscalation is not false");
    }
    if (Boolean.TRUE.equals(own.get("privileged"))) {
      violations.add(where + ": privileged");
    }
    if (!Boolean.TRUE.equals(own.get("readOnlyRootFilesystem"))) {
      violations.add(where + ": readOnlyRootFilesystem is not true");
    }
    if (!Tree.list(own, "capabilities", "drop").contains("ALL")) {
      violations.add(where + ": capabilities.drop does not hold ALL");
    }
  }

  /** With a read-only root file system the JVM and the web server need an emptyDir on /tmp. */
  private void tmp(String where, Map<String, Object> container, Map<String, Object> deployment) {
    Optional<String> volume =
        Tree.maps(container, "volumeMounts").stream()
            .filter(m -> "/tmp".equals(Tree.text(m, "mountPath")))
            .map(m -> Tree.text(m, "name"))
            .findFirst();
    boolean emptyDir =
        volume.isPresent()
            && Tree.maps(Manifests.podSpec(deployment), "volumes").stream()
                .anyMatch(
                    v -> volume.get().equals(Tree.text(v, "name")) && v.containsKey("emptyDir"));
    if (!emptyDir) {
      violations.add(where + ": no emptyDir volume mounted on /tmp");
    }
  }

  private void probes(String where, Map<String, Object> container) {
    probe(where, container, "startupProbe", LIVENESS);
    probe(where, container, "livenessProbe", LIVENESS);
    probe(where, container, "readinessProbe", READINESS);
  }

  private void probe(String where, Map<String, Object> container, String kind, String path) {
    Map<String, Object> probe = Tree.map(container, kind);
    if (probe.isEmpty()) {
      violations.add(where + ": no " + kind);
      return;
    }
    if (!path.equals(Tree.text(probe, "httpGet", "path"))) {
      violations.add(where + ": " + kind + " does not ask " + path);
    }
    String port = Tree.text(probe, "httpGet", "port");
    boolean declared =
        Tree.maps(container, "ports").stream()
            .anyMatch(
                p ->
                    Objects.equals(port, Tree.text(p, "name"))
                        || Objects.equals(port, Tree.text(p, "containerPort")));
    if (!declared) {
      violations.add(
          where + ": " + kind + " asks port " + port + ", which the container does not declare");
    }
  }

  /**
   * The probe groups exist only where the application turns them on, and the container port must be
   * the one it listens on: read from the module's {@code application.yml} of the same name.
   */
  private void applicationExposesProbes(String subject, Map<String, Object> deployment) {
    Path config =
        repository
            .resolve(Manifests.name(deployment))
            .resolve("src/main/resources/application.yml");
    if (!Files.isRegularFile(config)) {
      violations.add(
          subject + ": no module " + Manifests.name(deployment) + " with an application.yml");
      return;
    }
    Map<String, Object> application = YamlFiles.documents(config).get(0);
    if (!Boolean.TRUE.equals(
        Tree.get(application, "management", "endpoint", "health", "probes", "enabled"))) {
      violations.add(
          subject + ": the application does not enable management.endpoint.health.probes");
    }
    String port = Manifests.env(deployment, "SERVER_PORT");
    if (port == null) {
      port = Tree.text(application, "server", "port");
    }
    String listens = port;
    boolean matches =
        Manifests.containers(deployment).stream()
            .flatMap(c -> Tree.maps(c, "ports").stream())
            .anyMatch(p -> Objects.equals(listens, Tree.text(p, "containerPort")));
    if (!matches) {
      violations.add(
          subject + ": the application listens on " + port + ", no container port says so");
    }
  }

  private void disruptionBudget(String subject, Map<String, Object> deployment) {
    List<Map<String, Object>> budgets =
        manifests.ofKind("PodDisruptionBudget").stream()
            .filter(b -> !Tree.map(b, "spec", "selector", "matchLabels").isEmpty())
            .filter(
                b ->
                    Manifests.selects(
                        Tree.map(b, "spec", "selector"), Manifests.podLabels(deployment)))
            .toList();
    if (budgets.size() != 1) {
      violations.add(
          subject + ": " + budgets.size() + " PodDisruptionBudgets select its pods, not 1");
      return;
    }
    Map<String, Object> spec = Tree.map(budgets.get(0), "spec");
    String minAvailable = Tree.text(spec, "minAvailable");
    if (minAvailable == null && Tree.text(spec, "maxUnavailable") == null) {
      violations.add(
          subject + ": its PodDisruptionBudget sets neither minAvailable nor maxUnavailable");
    }
    if ("0".equals(Tree.text(spec, "maxUnavailable"))) {
      violations.add(subject + ": its PodDisruptionBudget (maxUnavailable 0) blocks every drain");
    }
    Integer minReplicas =
        manifests
            .autoscalerOf(deployment)
            .map(h -> (Integer) Tree.get(h, "spec", "minReplicas"))
            .orElse(null);
    if (minAvailable != null
        && minAvailable.matches("[0-9]+")
        && minReplicas != null
        && Integer.parseInt(minAvailable) >= minReplicas) {
      violations.add(
          subject + ": its PodDisruptionBudget minAvailable leaves no pod to evict at minReplicas");
    }
  }

  private void autoscaler(String subject, Map<String, Object> deployment) {
    Optional<Map<String, Object>> found = manifests.autoscalerOf(deployment);
    if (found.isEmpty()) {
      violations.add(subject + ": no HorizontalPodAutoscaler");
      return;
    }
    Map<String, Object> hpa = found.get();
    if (!"autoscaling/v2".equals(Tree.text(hpa, "apiVersion"))) {
      violations.add(subject + ": its HorizontalPodAutoscaler is not autoscaling/v2");
    }
    Object min = Tree.get(hpa, "spec", "minReplicas");
    Object max = Tree.get(hpa, "spec", "maxReplicas");
    if (!(min instanceof Integer minReplicas) || minReplicas < 2) {
      violations.add(
          subject + ": HorizontalPodAutoscaler minReplicas below 2 (one pod is no replica)");
    } else if (!(max instanceof Integer maxReplicas) || maxReplicas < minReplicas) {
      violations.add(subject + ": HorizontalPodAutoscaler maxReplicas below minReplicas");
    }
    if (Tree.list(hpa, "spec", "metrics").isEmpty()) {
      violations.add(subject + ": HorizontalPodAutoscaler has no metrics");
    }
  }
}
