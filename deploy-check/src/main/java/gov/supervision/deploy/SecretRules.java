package gov.supervision.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * No secret value in the manifests: no Secret objects, no literal environment value or config map
 * entry that names a secret or carries credentials in a URL. Secrets are referenced, and each
 * reference is to one an operator writes or one the README tells to create by hand.
 */
final class SecretRules {

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|secret|token|jaas|credential|private|api_?key).*");
  private static final Pattern CREDENTIALS_IN_URL =
      Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");

  private final Manifests manifests;
  private final List<String> violations;

  SecretRules(Manifests manifests, List<String> violations) {
    this.manifests = manifests;
    this.violations = violations;
  }

  void check() {
    for (Map<String, Object> secret : manifests.ofKind("Secret")) {
      violations.add(
          Tree.id(secret) + ": a Secret in the manifests puts its value in the repository");
    }
    for (Map<String, Object> map : manifests.ofKind("ConfigMap")) {
      Tree.map(map, "data")
          .forEach(
              (key, value) -> {
                if (SECRET_NAME.matcher(key).matches()
                    || CREDENTIALS_IN_URL.matcher(String.valueOf(value)).find()) {
                  violations.add(
                      Tree.id(map)
                          + ": entry "
                          + key
                          + " holds a secret; reference a Secret instead");
                }
              });
    }
    for (Map<String, Object> deployment : manifests.deployments()) {
      for (Map<String, Object> container : Manifests.everyContainer(deployment)) {
        for (Map<String, Object> env : Tree.maps(container, "env")) {
          String name = Tree.text(env, "name");
          String value = Tree.text(env, "value");
          if (value == null) {
            continue;
          }
          if (SECRET_NAME.matcher(name).matches()
              || CREDENTIALS_IN_URL.matcher(value).find()
              || name.equals("SPRING_MONGODB_URI")) {
            violations.add(
                Tree.id(deployment) + ": " + name + " is a literal value; read it from a Secret");
          }
        }
      }
    }
  }

  /** Secrets an operator (Strimzi, MongoDB) writes for the rendered resources. */
  Set<String> writtenByOperators() {
    Set<String> names = new TreeSet<>();
    manifests.ofKind("KafkaUser").forEach(u -> names.add(Manifests.name(u)));
    manifests.ofKind("Kafka").forEach(k -> names.add(Manifests.name(k) + "-cluster-ca-cert"));
    for (Map<String, Object> mongo : manifests.ofKind("MongoDBCommunity")) {
      Tree.maps(mongo, "spec", "users")
          .forEach(u -> names.add(Tree.text(u, "connectionStringSecretName")));
    }
    return names;
  }

  /** Every Secret the manifests reference. */
  Set<String> referenced() {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> deployment : manifests.deployments()) {
      for (Map<String, Object> container : Manifests.everyContainer(deployment)) {
        Tree.maps(container, "env")
            .forEach(e -> addIfSet(names, Tree.text(e, "valueFrom", "secretKeyRef", "name")));
        Tree.maps(container, "envFrom")
            .forEach(e -> addIfSet(names, Tree.text(e, "secretRef", "name")));
      }
      Tree.maps(Manifests.podSpec(deployment), "volumes")
          .forEach(v -> addIfSet(names, Tree.text(v, "secret", "secretName")));
    }
    for (Map<String, Object> mongo : manifests.ofKind("MongoDBCommunity")) {
      Tree.maps(mongo, "spec", "users")
          .forEach(u -> addIfSet(names, Tree.text(u, "passwordSecretRef", "name")));
    }
    return names;
  }

  /** The Secrets someone has to create before applying: referenced, and written by no operator. */
  Set<String> toCreateByHand() {
    Set<String> names = referenced();
    names.removeAll(writtenByOperators());
    return names;
  }

  private static void addIfSet(Set<String> names, String name) {
    if (name != null) {
      names.add(name);
    }
  }
}
