package gov.supervision.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules catch what they are for: each case breaks one thing in the rendered production
 * manifests and expects the violation that names it (and nothing passes silently).
 */
class BrokenManifestsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void aBrokenRuleIsReported(String what, Consumer<Manifests> breakage, String expected) {
    List<Map<String, Object>> rendered =
        Kustomization.render(DeployManifestsTest.K8S.resolve("overlays/prod"));
    breakage.accept(new Manifests(rendered));

    List<String> violations =
        new ManifestRules(rendered, DeployManifestsTest.REPOSITORY).violations();

    assertThat(violations).anySatisfy(v -> assertThat(v).contains(expected));
  }

  static Stream<Arguments> breakages() {
    return Stream.of(
        breakage(
            "a service without a readiness probe",
            m -> container(m, "checklist-service").remove("readinessProbe"),
            "Deployment checklist-service container checklist-service: no readinessProbe"),
        breakage(
            "a liveness probe on the wrong path",
            m ->
                put(
                    Tree.map(container(m, "gateway"), "livenessProbe", "httpGet"),
                    "path",
                    "/actuator/health"),
            "livenessProbe does not ask /actuator/health/liveness"),
        breakage(
            "the latest image",
            m -> container(m, "gateway").put("image", "supervision/gateway:latest"),
            "is not pinned"),
        breakage(
            "an image without a tag",
            m -> container(m, "evaluation-service").put("image", "supervision/evaluation-service"),
            "is not pinned"),
        breakage(
            "no memory limit",
            m ->
                Tree.map(container(m, "notification-service"), "resources", "limits")
                    .remove("memory"),
            "no resources.limits.memory"),
        breakage(
            "no cpu request",
            m -> Tree.map(container(m, "gateway"), "resources", "requests").remove("cpu"),
            "no resources.requests.cpu"),
        breakage(
            "a writable root file system",
            m ->
                put(
                    Tree.map(container(m, "checklist-service"), "securityContext"),
                    "readOnlyRootFilesystem",
                    false),
            "readOnlyRootFilesystem is not true"),
        breakage(
            "root allowed",
            m ->
                Tree.map(Manifests.podSpec(deployment(m, "evaluation-service")), "securityContext")
                    .remove("runAsNonRoot"),
            "runAsNonRoot is not true"),
        breakage(
            "privilege escalation",
            m ->
                put(
                    Tree.map(container(m, "gateway"), "securityContext"),
                    "allowPrivilegeEscalation",
                    true),
            "allowPrivilegeEscalation is not false"),
        breakage(
            "no emptyDir on /tmp",
            m -> Tree.list(container(m, "notification-service"), "volumeMounts").remove(0),
            "no emptyDir volume mounted on /tmp"),
        breakage(
            "no autoscaler",
            m ->
                m.all()
                    .remove(m.find("HorizontalPodAutoscaler", "evaluation-service").orElseThrow()),
            "Deployment evaluation-service: no HorizontalPodAutoscaler"),
        breakage(
            "an autoscaler of one pod",
            m ->
                put(
                    Tree.map(m.find("HorizontalPodAutoscaler", "gateway").orElseThrow(), "spec"),
                    "minReplicas",
                    1),
            "minReplicas below 2"),
        breakage(
            "no disruption budget",
            m ->
                m.all().remove(m.find("PodDisruptionBudget", "notification-service").orElseThrow()),
            "Deployment notification-service: 0 PodDisruptionBudgets"),
        breakage(
            "a workload no network policy selects",
            m ->
                Manifests.podLabels(deployment(m, "notification-service"))
                    .put("app.kubernetes.io/part-of", "other"),
            "Deployment notification-service: no NetworkPolicy limits its ingress"),
        breakage(
            "a service open to every namespace",
            m ->
                Tree.maps(
                        m.find("NetworkPolicy", "backend-from-gateway").orElseThrow(),
                        "spec",
                        "ingress")
                    .get(0)
                    .put("from", List.of(Map.of("namespaceSelector", Map.of()))),
            "only the gateway may reach a service"),
        breakage(
            "the witness reachable by a service that does not call it",
            m ->
                Tree.maps(
                        m.find("NetworkPolicy", "witness-from-evaluation").orElseThrow(),
                        "spec",
                        "ingress")
                    .get(0)
                    .put(
                        "from",
                        List.of(
                            Map.of(
                                "podSelector",
                                Map.of(
                                    "matchLabels",
                                    Map.of("app.kubernetes.io/name", "checklist-service"))))),
            "only the gateway may reach a service (and [evaluation-service] this one)"),
        breakage(
            "a service calling another it has no business with",
            m ->
                put(
                    Tree.map(
                        Tree.maps(
                                Tree.maps(
                                        m.find("NetworkPolicy", "evaluation-egress-witness")
                                            .orElseThrow(),
                                        "spec",
                                        "egress")
                                    .get(0),
                                "to")
                            .get(0),
                        "podSelector"),
                    "matchLabels",
                    Map.of("app.kubernetes.io/name", "checklist-service")),
            "Deployment evaluation-service (NetworkPolicy evaluation-egress-witness): egress to pods"),
        breakage(
            "a service may call anywhere",
            m ->
                Tree.maps(
                        m.find("NetworkPolicy", "backend-egress-kafka").orElseThrow(),
                        "spec",
                        "egress")
                    .get(0)
                    .remove("to"),
            "egress to anywhere on [9093]"),
        breakage(
            "the gateway may reach Kafka",
            m ->
                put(
                    Tree.map(
                        m.find("NetworkPolicy", "backend-egress-kafka").orElseThrow(),
                        "spec",
                        "podSelector"),
                    "matchLabels",
                    Map.of("app.kubernetes.io/part-of", "supervision-suite")),
            "Deployment gateway (NetworkPolicy backend-egress-kafka): egress to Kafka"),
        breakage(
            "an issuer policy to the wrong namespace",
            m ->
                put(
                    Tree.map(
                        Tree.maps(
                                Tree.maps(
                                        m.find("NetworkPolicy", "egress-issuer").orElseThrow(),
                                        "spec",
                                        "egress")
                                    .get(0),
                                "to")
                            .get(0),
                        "namespaceSelector",
                        "matchLabels"),
                    "kubernetes.io/metadata.name",
                    "elsewhere"),
            "egress to namespace elsewhere"),
        breakage(
            "a password inlined",
            m ->
                Tree.list(container(m, "notification-service"), "env")
                    .add(Map.of("name", "SPRING_MAIL_PASSWORD", "value", "hunter2")),
            "SPRING_MAIL_PASSWORD is a literal value"),
        breakage(
            "credentials in a literal URI",
            m ->
                Tree.maps(container(m, "checklist-service"), "env").stream()
                    .filter(e -> "SPRING_MONGODB_URI".equals(e.get("name")))
                    .findFirst()
                    .orElseThrow()
                    .put("value", "mongodb://app:pw@mongo:27017/checklist"),
            "SPRING_MONGODB_URI is a literal value"),
        breakage(
            "a Secret in the manifests",
            m ->
                m.all()
                    .add(
                        new LinkedHashMap<>(
                            Map.of(
                                "apiVersion",
                                "v1",
                                "kind",
                                "Secret",
                                "metadata",
                                Map.of("name", "x"),
                                "stringData",
                                Map.of("password", "p")))),
            "Secret x: a Secret in the manifests"),
        breakage(
            "a topic with one replica",
            m ->
                put(
                    Tree.map(
                        m.find("KafkaTopic", "supervision.checklist.v1").orElseThrow(), "spec"),
                    "replicas",
                    1),
            "KafkaTopic supervision.checklist.v1: replicas 1, not 3"),
        breakage(
            "a topic acknowledged by one replica",
            m ->
                put(
                    Tree.map(
                        m.find("KafkaTopic", "evaluation.cadre.v1").orElseThrow(),
                        "spec",
                        "config"),
                    "min.insync.replicas",
                    1),
            "min.insync.replicas 1, not 2"),
        breakage(
            "a dead-letter topic narrower than its source",
            m ->
                put(
                    Tree.map(m.find("KafkaTopic", "evaluation.cadre.v1-dlt").orElseThrow(), "spec"),
                    "partitions",
                    3),
            "fewer partitions than evaluation.cadre.v1"),
        breakage(
            "a topic missing",
            m -> m.all().remove(m.find("KafkaTopic", "supervision.checklist.v1-dlt").orElseThrow()),
            "no KafkaTopic supervision.checklist.v1-dlt"),
        breakage(
            "a service writing another's topic",
            m -> acls(m, "checklist-service").add(acl("topic", "evaluation.cadre.v1", "Write")),
            "KafkaUser checklist-service: may not write evaluation.cadre.v1"),
        breakage(
            "a service reading what it does not consume",
            m -> acls(m, "evaluation-service").add(acl("topic", "evaluation.cadre.v1", "Read")),
            "KafkaUser evaluation-service: may not read evaluation.cadre.v1"),
        breakage(
            "a service reading dead letters it does not replay",
            m ->
                acls(m, "checklist-service")
                    .add(acl("topic", "supervision.checklist.v1-dlt", "Read")),
            "KafkaUser checklist-service: may not read supervision.checklist.v1-dlt"),
        breakage(
            "a service replaying in another service's replay group",
            m ->
                acls(m, "checklist-service")
                    .add(acl("group", "evaluation-service-dlt-replay", "Read")),
            "only Read on the service's own consumer groups"),
        breakage(
            "a replaying service without its replay group",
            m ->
                acls(m, "evaluation-service")
                    .removeIf(
                        a ->
                            "evaluation-service-dlt-replay"
                                .equals(Tree.text(a, "resource", "name"))),
            "needs Read on its consumer group evaluation-service-dlt-replay"),
        breakage(
            "a service creating topics",
            m ->
                acls(m, "notification-service")
                    .add(acl("topic", "supervision.checklist.v1", "Create")),
            "Create changes topics"),
        breakage(
            "a wildcard ACL",
            m -> acls(m, "checklist-service").add(acl("topic", "*", "Read")),
            "not one literal name"),
        breakage(
            "plain-text Kafka",
            m ->
                Tree.maps(
                        m.find("Kafka", "supervision-kafka").orElseThrow(),
                        "spec",
                        "kafka",
                        "listeners")
                    .get(0)
                    .remove("authentication"),
            "not SCRAM-SHA-512 over TLS"),
        breakage(
            "one broker",
            m ->
                put(
                    Tree.map(m.find("KafkaNodePool", "broker").orElseThrow(), "spec"),
                    "replicas",
                    1),
            "1 brokers, fewer than 3"),
        breakage(
            "more consumers than partitions",
            m ->
                put(
                    Tree.map(
                        m.find("HorizontalPodAutoscaler", "notification-service").orElseThrow(),
                        "spec"),
                    "maxReplicas",
                    4),
            "up to 8 consumers (maxReplicas x concurrency) for 6 partitions"),
        breakage(
            "a MongoDB of one member",
            m ->
                put(
                    Tree.map(
                        m.find("MongoDBCommunity", "supervision-mongodb").orElseThrow(), "spec"),
                    "members",
                    1),
            "members 1, not 3"),
        breakage(
            "a service that may write every database",
            m ->
                Tree.maps(
                        m.find("MongoDBCommunity", "supervision-mongodb").orElseThrow(),
                        "spec",
                        "users")
                    .get(0)
                    .put("roles", List.of(Map.of("name", "readWriteAnyDatabase", "db", "admin"))),
            "a service gets readWrite on its own database only"),
        breakage(
            "a service on another service's database",
            m ->
                Tree.maps(container(m, "evaluation-service"), "env").stream()
                    .filter(e -> "SPRING_MONGODB_DATABASE".equals(e.get("name")))
                    .findFirst()
                    .orElseThrow()
                    .put("value", "checklist"),
            "SPRING_MONGODB_DATABASE checklist is not its user's database evaluation"));
  }

  private static Arguments breakage(String what, Consumer<Manifests> breakage, String expected) {
    return Arguments.of(what, breakage, expected);
  }

  private static Map<String, Object> deployment(Manifests m, String name) {
    return m.find("Deployment", name).orElseThrow();
  }

  private static Map<String, Object> container(Manifests m, String name) {
    return Manifests.containers(deployment(m, name)).get(0);
  }

  private static List<Object> acls(Manifests m, String user) {
    return Tree.list(m.find("KafkaUser", user).orElseThrow(), "spec", "authorization", "acls");
  }

  private static Map<String, Object> acl(String type, String name, String operation) {
    return Map.of(
        "resource", Map.of("type", type, "name", name, "patternType", "literal"),
        "operations", List.of(operation));
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    map.put(key, value);
  }
}
