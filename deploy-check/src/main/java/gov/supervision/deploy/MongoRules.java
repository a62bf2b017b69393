package gov.supervision.deploy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MongoDB through the Community Operator: a replica set of 3 members with SCRAM, sized pods, and a
 * user per workload with readWrite on its own database only (database per service), whose
 * connection string the workload reads from the operator's Secret.
 */
final class MongoRules {

  static final String API = "mongodbcommunity.mongodb.com/v1";

  private final Manifests manifests;
  private final Path repository;
  private final List<String> violations;

  MongoRules(Manifests manifests, Path repository, List<String> violations) {
    this.manifests = manifests;
    this.repository = repository;
    this.violations = violations;
  }

  void check() {
    List<Map<String, Object>> sets = manifests.ofKind("MongoDBCommunity");
    if (sets.size() != 1) {
      violations.add(sets.size() + " MongoDBCommunity resources rendered, not 1");
      return;
    }
    Map<String, Object> mongo = sets.get(0);
    replicaSet(mongo);
    users(mongo);
    for (Map<String, Object> deployment : manifests.deployments()) {
      if (Manifests.envEntry(deployment, "SPRING_MONGODB_URI").isPresent()) {
        client(deployment, mongo);
      }
    }
  }

  private void replicaSet(Map<String, Object> mongo) {
    String subject = Tree.id(mongo);
    if (!API.equals(Tree.text(mongo, "apiVersion"))) {
      violations.add(subject + ": apiVersion is not " + API);
    }
    if (!Integer.valueOf(3).equals(Tree.get(mongo, "spec", "members"))) {
      violations.add(subject + ": members " + Tree.get(mongo, "spec", "members") + ", not 3");
    }
    if (!"ReplicaSet".equals(Tree.text(mongo, "spec", "type"))) {
      violations.add(subject + ": type is not ReplicaSet");
    }
    boolean scram =
        Tree.list(mongo, "spec", "security", "authentication", "modes").stream()
            .anyMatch(m -> String.valueOf(m).startsWith("SCRAM"));
    if (!scram) {
      violations.add(subject + ": authentication modes lack SCRAM");
    }
    List<Map<String, Object>> containers =
        Tree.maps(mongo, "spec", "statefulSet", "spec", "template", "spec", "containers");
    for (String name : List.of("mongod", "mongodb-agent")) {
      Optional<Map<String, Object>> container =
          containers.stream().filter(c -> name.equals(Tree.text(c, "name"))).findFirst();
      for (String bound : List.of("requests", "limits")) {
        for (String resource : List.of("cpu", "memory")) {
          if (container
              .map(c -> Quantity.parse(Tree.text(c, "resources", bound, resource)))
              .isEmpty()) {
            violations.add(
                subject + " container " + name + ": no resources." + bound + "." + resource);
          }
        }
      }
    }
  }

  private void users(Map<String, Object> mongo) {
    Set<String> databases = new HashSet<>();
    for (Map<String, Object> user : Tree.maps(mongo, "spec", "users")) {
      String where = Tree.id(mongo) + " user " + Tree.text(user, "name");
      List<Map<String, Object>> roles = Tree.maps(user, "roles");
      boolean ownDatabaseOnly =
          roles.size() == 1 && "readWrite".equals(Tree.text(roles.get(0), "name"));
      if (!ownDatabaseOnly) {
        violations.add(
            where + ": roles " + roles + "; a service gets readWrite on its own database only");
      } else if (!databases.add(Tree.text(roles.get(0), "db"))) {
        violations.add(
            where + ": shares database " + Tree.text(roles.get(0), "db") + " with another user");
      }
      if (Tree.text(user, "passwordSecretRef", "name") == null) {
        violations.add(where + ": no passwordSecretRef");
      }
      if (Tree.text(user, "connectionStringSecretName") == null) {
        violations.add(where + ": no connectionStringSecretName for its workload to reference");
      }
    }
  }

  private void client(Map<String, Object> deployment, Map<String, Object> mongo) {
    String subject = Tree.id(deployment);
    String secret = Manifests.envSecret(deployment, "SPRING_MONGODB_URI");
    Optional<Map<String, Object>> user =
        Tree.maps(mongo, "spec", "users").stream()
            .filter(
                u -> secret != null && secret.equals(Tree.text(u, "connectionStringSecretName")))
            .findFirst();
    if (user.isEmpty()) {
      violations.add(
          subject + ": SPRING_MONGODB_URI is not a connection string Secret of " + Tree.id(mongo));
      return;
    }
    String database = Tree.text(Tree.maps(user.get(), "roles").get(0), "db");
    String configured = Manifests.env(deployment, "SPRING_MONGODB_DATABASE");
    if (!database.equals(configured)) {
      violations.add(
          subject
              + ": SPRING_MONGODB_DATABASE "
              + configured
              + " is not its user's database "
              + database);
    }
    String own = applicationDatabase(Manifests.name(deployment));
    if (own != null && !own.equals(database)) {
      violations.add(subject + ": the application's own database is " + own + ", not " + database);
    }
  }

  /** The database in the module's default spring.mongodb.uri, if it has one. */
  private String applicationDatabase(String module) {
    Path config = repository.resolve(module).resolve("src/main/resources/application.yml");
    if (!Files.isRegularFile(config)) {
      return null;
    }
    String uri = Tree.text(YamlFiles.documents(config).get(0), "spring", "mongodb", "uri");
    if (uri == null) {
      return null;
    }
    String path = URI.create(uri).getPath();
    return path == null || path.length() < 2 ? null : path.substring(1);
  }
}
