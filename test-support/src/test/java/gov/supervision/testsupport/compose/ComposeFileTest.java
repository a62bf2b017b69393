package gov.supervision.testsupport.compose;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.DemoIdentity;
import gov.supervision.contracts.TopicAccess;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Guards {@code docker-compose.yml}, which cannot run where the suite is built (no Docker engine):
 * every part is there, each suite service is built from its module with the {@code compose}
 * profile, a healthcheck, a memory limit and healthy dependencies, every service waits for the
 * secrets check, and the Keycloak realm carries the demo identities of the one list ({@link
 * DemoIdentity}) with their secrets and passwords read from the environment.
 */
class ComposeFileTest {

  /** The deployables of the suite: compose service name = module name, and their ports. */
  private static final Map<String, Integer> SUITE =
      Map.of(
          "gateway", 8080,
          "checklist-service", 8081,
          "evaluation-service", 8082,
          "notification-service", 8083);

  /** The services that own a database, and its name. */
  private static final Map<String, String> DATABASES =
      Map.of(
          "checklist-service", "checklist",
          "evaluation-service", "evaluation",
          "notification-service", "notification");

  private static final List<String> INFRASTRUCTURE =
      List.of("mongo", "kafka", "keycloak", "mailpit");

  private static final String ISSUER = "http://localhost:9000/realms/supervision";

  /** The variable the realm import reads a client's secret from: {@code REALM_HR_SECRET}. */
  private static String secretVariable(DemoIdentity demo) {
    return "REALM_" + demo.id().toUpperCase().replace('-', '_') + "_SECRET";
  }

  /** The variable the realm import reads a person's password from. */
  private static String passwordVariable(DemoIdentity demo) {
    return "REALM_" + demo.id().toUpperCase().replace('-', '_') + "_PASSWORD";
  }

  private static Path root;
  private static Map<String, Object> services;
  private static Map<String, Object> realm;

  @BeforeAll
  static void load() throws IOException {
    root = repositoryRoot();
    services = map(yaml(root.resolve("docker-compose.yml")).get("services"));
    realm = yaml(root.resolve("docker/keycloak/supervision-realm.json"));
  }

  static Stream<String> suite() {
    return SUITE.keySet().stream().sorted();
  }

  static Stream<String> backends() {
    return DATABASES.keySet().stream().sorted();
  }

  @Test
  void everyPartOfTheSuiteIsThere() {
    assertThat(services).containsKeys(SUITE.keySet().toArray(String[]::new));
    assertThat(services).containsKeys(INFRASTRUCTURE.toArray(String[]::new));
  }

  @ParameterizedTest
  @MethodSource("suite")
  void serviceIsBuiltFromItsModule(String name) {
    Map<String, Object> build = map(service(name).get("build"));

    assertThat(root.resolve(name).resolve("pom.xml")).as("module %s", name).exists();
    assertThat(build.get("context")).isEqualTo(".");
    assertThat(build.get("dockerfile")).isEqualTo("docker/Dockerfile");
    assertThat(map(build.get("args"))).containsEntry("MODULE", name);
  }

  @ParameterizedTest
  @MethodSource("suite")
  void serviceRunsTheComposeProfileOnItsPort(String name) {
    Map<String, String> env = environment(name);

    assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "compose");
    assertThat(env).containsEntry("SERVER_PORT", String.valueOf(SUITE.get(name)));
    assertThat(env).containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", ISSUER);
    assertThat(strings(service(name).get("ports")))
        .containsExactly("127.0.0.1:" + SUITE.get(name) + ":" + SUITE.get(name));
  }

  @ParameterizedTest
  @MethodSource("suite")
  void serviceHasAHealthcheckOnActuatorHealth(String name) {
    String test = String.join(" ", strings(map(service(name).get("healthcheck")).get("test")));

    assertThat(test).contains("http://localhost:" + SUITE.get(name) + "/actuator/health");
  }

  @ParameterizedTest
  @MethodSource("suite")
  void serviceHasAMemoryLimit(String name) {
    long bytes = memoryLimit(service(name));

    assertThat(bytes).isBetween(256L << 20, 2L << 30);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void backendWaitsForHealthyInfrastructure(String name) {
    assertThat(healthyDependencies(name)).contains("mongo", "kafka", "keycloak");
  }

  @Test
  void gatewayWaitsForTheIssuerAndEveryBackend() {
    assertThat(healthyDependencies("gateway"))
        .contains("keycloak", "checklist-service", "evaluation-service", "notification-service");
  }

  @Test
  void everyDependencyWaitedForHasAHealthcheck() {
    services.forEach(
        (name, definition) -> {
          for (String dependency : healthyDependencies(name)) {
            assertThat(services).as("%s depends on", name).containsKey(dependency);
            assertThat(map(service(dependency).get("healthcheck")))
                .as("healthcheck of %s", dependency)
                .containsKey("test");
          }
        });
  }

  @ParameterizedTest
  @MethodSource("backends")
  void backendUsesItsOwnDatabaseOnTheReplicaSet(String name) {
    Map<String, String> env = environment(name);

    assertThat(env)
        .containsEntry(
            "SPRING_MONGODB_URI",
            "mongodb://mongo:27017/" + DATABASES.get(name) + "?replicaSet=rs0")
        .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
  }

  @Test
  void notificationServiceMailsThroughMailpit() {
    assertThat(environment("notification-service"))
        .containsEntry("SPRING_MAIL_HOST", "mailpit")
        .containsEntry("SPRING_MAIL_PORT", "1025");
    assertThat(healthyDependencies("notification-service")).contains("mailpit");
  }

  @Test
  void gatewayRoutesToTheServicesByName() {
    assertThat(environment("gateway"))
        .containsEntry("SUPERVISION_ROUTES_CHECKLIST_SERVICE", "http://checklist-service:8081")
        .containsEntry("SUPERVISION_ROUTES_EVALUATION_SERVICE", "http://evaluation-service:8082")
        .containsEntry(
            "SUPERVISION_ROUTES_NOTIFICATION_SERVICE", "http://notification-service:8083");
  }

  @Test
  void mongoIsASingleNodeReplicaSetThatInitiatesItself() {
    Map<String, Object> mongo = service("mongo");
    String healthcheck = String.join(" ", strings(map(mongo.get("healthcheck")).get("test")));

    assertThat(String.valueOf(mongo.get("image"))).startsWith("mongo:");
    assertThat(strings(mongo.get("command"))).containsSubsequence("--replSet", "rs0");
    assertThat(healthcheck).contains("rs.initiate(", "_id: 'rs0'", "host: 'mongo:27017'");
  }

  @Test
  void kafkaIsASingleKraftNode() {
    Map<String, Object> kafka = service("kafka");
    Map<String, String> env = environment("kafka");

    assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:");
    assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("broker", "controller");
    assertThat(env).containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093");
    assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("CLIENT://kafka:9092");
    assertThat(env.keySet()).noneMatch(key -> key.contains("ZOOKEEPER"));
    assertThat(map(kafka.get("healthcheck"))).containsKey("test");
  }

  @Test
  void kafkaLetsNobodyInWithoutSaslAndAllowsOnlyWhatAnAclGrants() {
    Map<String, String> env = environment("kafka");

    assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
        .as("every listener")
        .allMatch(listener -> listener.endsWith(":SASL_PLAINTEXT"));
    assertThat(env.get("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS"))
        .isEqualTo("SCRAM-SHA-512,PLAIN");
    assertThat(env)
        .containsEntry(
            "KAFKA_AUTHORIZER_CLASS_NAME",
            "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
        .containsEntry("KAFKA_SUPER_USERS", "User:admin")
        .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    for (String listener : List.of("CLIENT", "HOST", "CONTROLLER")) {
      assertThat(env.get("KAFKA_LISTENER_NAME_" + listener + "_PLAIN_SASL_JAAS_CONFIG"))
          .as("the admin, PLAIN, on %s", listener)
          .contains("username=\"admin\"", "user_admin=\"${KAFKA_ADMIN_PASSWORD:?")
          .doesNotContain("user_checklist", "user_evaluation", "user_notification");
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void eachServiceLogsInToKafkaWithItsOwnCredentialsOnly(String name) {
    Map<String, String> env = environment(name);
    String own = kafkaPasswordVariable(name);

    assertThat(env)
        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
        .containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
    assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
        .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
        .contains("username=\"" + name + "\"", "password=\"${" + own + ":?");
    assertThat(String.join("\n", env.values()))
        .as("no other principal's password, nor the admin's")
        .doesNotContain("KAFKA_ADMIN_PASSWORD")
        .satisfies(
            all ->
                DATABASES.keySet().stream()
                    .filter(other -> !other.equals(name))
                    .forEach(
                        other -> assertThat(all).doesNotContain(kafkaPasswordVariable(other))));
    assertThat(map(map(service(name).get("depends_on")).get("kafka-init")))
        .containsEntry("condition", "service_completed_successfully");
  }

  @Test
  void theGatewayHasNoKafkaLogin() {
    assertThat(environment("gateway").keySet()).noneMatch(key -> key.contains("KAFKA"));
  }

  @Test
  void kafkaInitCreatesTheTopicsAndGrantsExactlyWhatTheCodeDoes() throws IOException {
    String script = Files.readString(root.resolve("docker/kafka/kafka-access.sh"));
    List<String> topics = new ArrayList<>();
    Matcher topic = Pattern.compile("(?m)^\\s+topic (\\S+)$").matcher(script);
    while (topic.find()) {
      topics.add(topic.group(1));
    }
    List<String> grants = new ArrayList<>();
    Matcher grant = Pattern.compile("(?m)^\\s+grant (\\S+ \\S+ \\S+ \\S+)$").matcher(script);
    while (grant.find()) {
      grants.add(grant.group(1));
    }
    List<String> scram = new ArrayList<>();
    Matcher credential =
        Pattern.compile("(?m)^\\s+scram (\\S+) \"\\$\\{(\\w+)}\"$").matcher(script);
    while (credential.find()) {
      scram.add(credential.group(1));
      assertThat(environment("kafka-init"))
          .containsEntry(
              credential.group(2),
              "${"
                  + kafkaPasswordVariable(credential.group(1))
                  + ":?set "
                  + kafkaPasswordVariable(credential.group(1))
                  + " in .env (see .env.example)}");
    }

    TopicAccess code = TopicAccess.SUITE;
    List<String> expected = new ArrayList<>();
    for (String service : code.services()) {
      code.writable(service).forEach(t -> expected.add(service + " write topic " + t));
      code.readable(service).forEach(t -> expected.add(service + " read topic " + t));
      code.consumerGroups(service).forEach(g -> expected.add(service + " read group " + g));
    }
    assertThat(topics).containsExactlyInAnyOrderElementsOf(code.topics());
    assertThat(grants).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(scram).containsExactlyInAnyOrderElementsOf(code.services());
    assertThat(strings(service("kafka-init").get("entrypoint")))
        .containsExactly("sh", "/opt/supervision/kafka-access.sh", "grant");
    assertThat(strings(map(service("kafka").get("healthcheck")).get("test")))
        .containsExactly("CMD", "sh", "/opt/supervision/kafka-access.sh", "check");
  }

  /** {@code checklist-service} -> {@code KAFKA_CHECKLIST_PASSWORD}. */
  private static String kafkaPasswordVariable(String service) {
    return "KAFKA_" + service.replace("-service", "").toUpperCase() + "_PASSWORD";
  }

  @Test
  void keycloakImportsTheRealmUnderTheIssuersName() {
    Map<String, Object> keycloak = service("keycloak");

    assertThat(strings(keycloak.get("command"))).contains("--import-realm");
    assertThat(strings(keycloak.get("volumes")))
        .anyMatch(
            v ->
                v.startsWith(
                    "./docker/keycloak/supervision-realm.json:/opt/keycloak/data/import/"));
    assertThat(environment("keycloak")).containsEntry("KC_HOSTNAME", "http://localhost:9000");
    assertThat(environment("keycloak")).containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
    assertThat(ISSUER).endsWith("/realms/" + realm.get("realm"));
  }

  @Test
  void publishedPortsAreOnLoopbackOnly() {
    services.forEach(
        (name, definition) ->
            assertThat(strings(map(definition).get("ports")))
                .as("ports of %s", name)
                .allMatch(p -> p.startsWith("127.0.0.1:")));
  }

  @Test
  void realmHasEveryDemoClientOfTheApiWithItsClaims() {
    Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
    for (Object client : list(realm.get("clients"))) {
      clients.put(String.valueOf(map(client).get("clientId")), map(client));
    }

    List<String> expected =
        new ArrayList<>(DemoIdentity.ALL.stream().map(DemoIdentity::id).toList());
    expected.addAll(List.of("console", "swagger-ui"));
    assertThat(clients.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    for (DemoIdentity demo : DemoIdentity.ALL) {
      Map<String, Object> client = clients.get(demo.id());
      assertThat(client)
          .as(demo.id())
          .containsEntry("secret", "${" + secretVariable(demo) + "}")
          .containsEntry("publicClient", false)
          .containsEntry("serviceAccountsEnabled", true);
      Map<String, String> claims = hardcodedClaims(client);
      assertThat(claims)
          .as("claims of %s", demo.id())
          .containsEntry("preferred_username", demo.id())
          .containsEntry("roles", rolesJson(demo.roles()));
      if (demo.unit() == null) {
        assertThat(claims).as("claims of %s", demo.id()).doesNotContainKey("unit");
      } else {
        assertThat(claims).as("claims of %s", demo.id()).containsEntry("unit", demo.unit());
      }
    }
  }

  @Test
  void aServiceStartedByHandListensOnLoopbackOnlyAndTheImageOnItsNetwork() throws IOException {
    for (String module :
        List.of("gateway", "checklist-service", "evaluation-service", "notification-service")) {
      Map<String, Object> server =
          map(yaml(root.resolve(module + "/src/main/resources/application.yml")).get("server"));
      assertThat(server).as(module).containsEntry("address", "127.0.0.1");
    }
    assertThat(Files.readString(root.resolve("docker/Dockerfile")))
        .containsPattern("(?m)^\\s+SERVER_ADDRESS=0\\.0\\.0\\.0\\s*$");
  }

  @Test
  void secretsComeFromTheGitIgnoredEnvFileWithoutDefaults() throws IOException {
    assertThat(environment("keycloak").get("KC_BOOTSTRAP_ADMIN_PASSWORD"))
        .startsWith("${KEYCLOAK_ADMIN_PASSWORD:?");
    assertThat(environment("keycloak").get("KC_BOOTSTRAP_ADMIN_USERNAME"))
        .startsWith("${KEYCLOAK_ADMIN:?");
    String example = Files.readString(root.resolve(".env.example"));
    List<String> secrets = new ArrayList<>(checkedSecrets());
    secrets.remove("KEYCLOAK_ADMIN"); // a user name, filled in as kc-admin
    assertThat(secrets)
        .contains(
            "KEYCLOAK_ADMIN_PASSWORD",
            "CONSOLE_CLIENT_SECRET",
            "SUPERVISION_ACCESS_LOG_KEY",
            "KAFKA_ADMIN_PASSWORD",
            "KAFKA_CHECKLIST_PASSWORD",
            "KAFKA_EVALUATION_PASSWORD",
            "KAFKA_NOTIFICATION_PASSWORD");
    for (String name : secrets) {
      assertThat(example).containsPattern("(?m)^" + name + "=$");
    }
    assertThat(example).containsPattern("(?m)^KEYCLOAK_ADMIN=(?!admin$)\\S+$");
    assertThat(Files.readAllLines(root.resolve(".gitignore"))).contains(".env");
  }

  @Test
  void everyServiceWaitsForTheSecretsCheckAndItChecksEverySecretOfTheFile() throws IOException {
    Map<String, Object> check = service("secrets-check");
    List<String> entrypoint = strings(check.get("entrypoint"));
    assertThat(entrypoint.subList(0, 2)).containsExactly("sh", SecretsCheckTest.SCRIPT_IN_IMAGE);
    assertThat(strings(check.get("volumes")))
        .containsExactly("./docker/secrets-check.sh:" + SecretsCheckTest.SCRIPT_IN_IMAGE + ":ro");
    assertThat(check).containsEntry("restart", "no");
    assertThat(services.entrySet())
        .as("it runs on an image the suite pulls anyway")
        .anyMatch(
            other ->
                !other.getKey().equals("secrets-check")
                    && check.get("image").equals(map(other.getValue()).get("image")));
    services.forEach(
        (name, definition) -> {
          if (!name.equals("secrets-check")) {
            assertThat(map(map(map(definition).get("depends_on")).get("secrets-check")))
                .as("%s waits for secrets-check", name)
                .containsEntry("condition", "service_completed_successfully");
          }
        });

    // every variable compose requires (${NAME:?...}) is checked, and given to the check as it is
    Matcher required =
        Pattern.compile("\\$\\{([A-Z0-9_]+):\\?")
            .matcher(Files.readString(root.resolve("docker-compose.yml")));
    List<String> requiredNames = new ArrayList<>();
    while (required.find()) {
      if (!requiredNames.contains(required.group(1))) {
        requiredNames.add(required.group(1));
      }
    }
    assertThat(checkedSecrets()).containsExactlyInAnyOrderElementsOf(requiredNames);
    assertThat(entrypoint).contains("login:KEYCLOAK_ADMIN");
    Map<String, String> env = environment("secrets-check");
    for (String name : checkedSecrets()) {
      assertThat(env)
          .containsEntry(name, "${" + name + ":?set " + name + " in .env (see .env.example)}");
    }
  }

  @Test
  void theRealmHoldsNoSecretNorPasswordButReadsEachFromTheEnvironment() {
    Map<String, String> keycloak = environment("keycloak");
    List<String> placeholders = new ArrayList<>();
    for (Object client : list(realm.get("clients"))) {
      Object secret = map(client).get("secret");
      if (secret != null) {
        placeholders.add(String.valueOf(secret));
      }
    }
    for (Object user : list(realm.get("users"))) {
      for (Object credential : list(map(user).get("credentials"))) {
        placeholders.add(String.valueOf(map(credential).get("value")));
      }
    }
    assertThat(placeholders).hasSize(2 * DemoIdentity.ALL.size() + 1);
    for (String placeholder : placeholders) {
      Matcher variable = Pattern.compile("^\\$\\{([A-Z0-9_]+)}$").matcher(placeholder);
      assertThat(variable.matches()).as("%s is a ${VARIABLE} placeholder", placeholder).isTrue();
      assertThat(keycloak)
          .as("Keycloak's environment gives the import %s", variable.group(1))
          .containsEntry(
              variable.group(1),
              "${"
                  + variable.group(1)
                  + ":?set "
                  + variable.group(1)
                  + " in .env (see .env.example)}");
      assertThat(checkedSecrets()).contains(variable.group(1));
    }
  }

  /** The variables secrets-check is given, without the {@code login:} mark. */
  private static List<String> checkedSecrets() {
    List<String> entrypoint = strings(service("secrets-check").get("entrypoint"));
    return entrypoint.subList(2, entrypoint.size()).stream()
        .map(name -> name.replace("login:", ""))
        .toList();
  }

  @Test
  void everyClientsAccessTokensCarryTheAudienceTheServicesRequire() {
    for (Object client : list(realm.get("clients"))) {
      Map<String, Object> c = map(client);
      assertThat(list(c.get("protocolMappers")))
          .as("audience mapper of %s", c.get("clientId"))
          .anySatisfy(
              mapper -> {
                assertThat(map(mapper)).containsEntry("protocolMapper", "oidc-audience-mapper");
                assertThat(map(map(mapper).get("config")))
                    .containsEntry("included.custom.audience", "supervision")
                    .containsEntry("access.token.claim", "true");
              });
    }
  }

  @Test
  void realmHasEveryDemoPersonWithPasswordRolesUnitAndName() {
    Map<String, Map<String, Object>> people = new LinkedHashMap<>();
    for (Object user : list(realm.get("users"))) {
      Map<String, Object> u = map(user);
      if (u.get("serviceAccountClientId") == null) {
        people.put(String.valueOf(u.get("username")), u);
      }
    }

    assertThat(people.keySet())
        .containsExactlyInAnyOrderElementsOf(
            DemoIdentity.ALL.stream().map(DemoIdentity::id).toList());
    for (DemoIdentity demo : DemoIdentity.ALL) {
      Map<String, Object> person = people.get(demo.id());
      assertThat(person)
          .as(demo.id())
          .containsEntry("enabled", true)
          .containsEntry("firstName", demo.name())
          .containsEntry("email", demo.id() + "@supervision.local");
      assertThat(strings(person.get("realmRoles"))).as(demo.id()).isEqualTo(demo.roles());
      Map<String, Object> credential = map(list(person.get("credentials")).get(0));
      assertThat(credential)
          .containsEntry("type", "password")
          .containsEntry("value", "${" + passwordVariable(demo) + "}")
          .containsEntry("temporary", false);
      Map<String, Object> attributes = map(person.get("attributes"));
      assertThat(strings(attributes.get("name"))).containsExactly(demo.name());
      if (demo.unit() == null) {
        assertThat(attributes).doesNotContainKey("unit");
      } else {
        assertThat(strings(attributes.get("unit"))).containsExactly(demo.unit());
      }
    }
  }

  @Test
  void realmHasTheConsoleClientWithPkceAndTheClaimsOfPeople() {
    Map<String, Object> console =
        list(realm.get("clients")).stream()
            .map(ComposeFileTest::map)
            .filter(c -> "console".equals(c.get("clientId")))
            .findFirst()
            .orElseThrow();

    assertThat(console)
        .containsEntry("publicClient", false)
        .containsEntry("standardFlowEnabled", true)
        .containsEntry("directAccessGrantsEnabled", false)
        .containsEntry("secret", "${CONSOLE_CLIENT_SECRET}");
    assertThat(strings(console.get("redirectUris")))
        .containsExactly("http://localhost:8080/login/oauth2/code/console");
    assertThat(map(console.get("attributes")))
        .containsEntry("pkce.code.challenge.method", "S256")
        .containsEntry("post.logout.redirect.uris", "http://localhost:8080/");
    List<String> claims = new ArrayList<>();
    for (Object mapper : list(console.get("protocolMappers"))) {
      if ("oidc-audience-mapper".equals(map(mapper).get("protocolMapper"))) {
        continue; // the audience is for access tokens only
      }
      Map<String, Object> config = map(map(mapper).get("config"));
      assertThat(config).containsEntry("id.token.claim", "true");
      claims.add(String.valueOf(config.get("claim.name")));
    }
    assertThat(claims).containsExactlyInAnyOrder("roles", "unit", "name");
    assertThat(environment("gateway").get("CONSOLE_CLIENT_SECRET"))
        .as("from .env, no default")
        .startsWith("${CONSOLE_CLIENT_SECRET:?");
    assertThat(environment("keycloak").get("CONSOLE_CLIENT_SECRET"))
        .as("the realm import reads the same variable")
        .startsWith("${CONSOLE_CLIENT_SECRET:?");
    assertThat(environment("gateway").get("SPRING_MONGODB_URI")).contains("/gateway");
  }

  @Test
  void realmGivesEachServiceAccountItsRealmRoles() {
    Map<String, List<String>> rolesByClient = new LinkedHashMap<>();
    for (Object user : list(realm.get("users"))) {
      Map<String, Object> u = map(user);
      rolesByClient.put(
          String.valueOf(u.get("serviceAccountClientId")), strings(u.get("realmRoles")));
    }
    List<String> realmRoles = new ArrayList<>();
    for (Object role : list(map(realm.get("roles")).get("realm"))) {
      realmRoles.add(String.valueOf(map(role).get("name")));
    }

    for (DemoIdentity demo : DemoIdentity.ALL) {
      assertThat(rolesByClient.get(demo.id())).as(demo.id()).isEqualTo(demo.roles());
      assertThat(realmRoles).containsAll(demo.roles());
    }
  }

  @Test
  void dockerfileRunsTheModuleJarOnJava17AsNonRoot() throws IOException {
    String dockerfile = Files.readString(root.resolve("docker/Dockerfile"));

    assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre");
    assertThat(dockerfile).containsPattern("(?m)^ARG MODULE\\s*$");
    assertThat(dockerfile).contains("${MODULE}/target/${MODULE}-${VERSION}.jar");
    Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
    assertThat(user.find()).as("USER line").isTrue();
    assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0");
  }

  // --- helpers -----------------------------------------------------------------------------

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a parent directory holding docker-compose.yml").isNotNull();
    return dir;
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return map(new Yaml(new SafeConstructor(options)).load(reader));
    }
  }

  private static Map<String, Object> service(String name) {
    assertThat(services).containsKey(name);
    return map(services.get(name));
  }

  /** The environment of a service, in either of compose's two notations. */
  private static Map<String, String> environment(String name) {
    Object env = service(name).get("environment");
    Map<String, String> result = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> m) {
      m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else {
      for (String entry : strings(env)) {
        int eq = entry.indexOf('=');
        result.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return result;
  }

  /** Services this one waits for with {@code condition: service_healthy}. */
  private static List<String> healthyDependencies(String name) {
    Object dependsOn = map(services.get(name)).get("depends_on");
    List<String> healthy = new ArrayList<>();
    if (dependsOn instanceof Map<?, ?> m) {
      m.forEach(
          (dependency, spec) -> {
            if ("service_healthy".equals(map(spec).get("condition"))) {
              healthy.add(String.valueOf(dependency));
            }
          });
    }
    return healthy;
  }

  private static long memoryLimit(Map<String, Object> service) {
    Object limit = service.get("mem_limit");
    if (limit == null) {
      limit =
          map(map(map(map(service.get("deploy")).get("resources")).get("limits"))).get("memory");
    }
    assertThat(limit).as("mem_limit or deploy.resources.limits.memory").isNotNull();
    Matcher m = Pattern.compile("(?i)^(\\d+)\\s*([kmg]?)b?$").matcher(String.valueOf(limit));
    assertThat(m.matches()).as("memory limit %s", limit).isTrue();
    long value = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase()) {
      case "k" -> value << 10;
      case "m" -> value << 20;
      case "g" -> value << 30;
      default -> value;
    };
  }

  /** Claim name to value of the client's hardcoded-claim protocol mappers. */
  private static Map<String, String> hardcodedClaims(Map<String, Object> client) {
    Map<String, String> claims = new LinkedHashMap<>();
    for (Object mapper : list(client.get("protocolMappers"))) {
      Map<String, Object> m = map(mapper);
      if ("oidc-hardcoded-claim-mapper".equals(m.get("protocolMapper"))) {
        Map<String, Object> config = map(m.get("config"));
        assertThat(config).containsEntry("access.token.claim", "true");
        claims.put(
            String.valueOf(config.get("claim.name")), String.valueOf(config.get("claim.value")));
      }
    }
    return claims;
  }

  private static String rolesJson(List<String> roles) {
    return roles.stream().map(r -> '"' + r + '"').toList().toString().replace(" ", "");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static List<String> strings(Object value) {
    if (value instanceof String s) {
      return List.of(s);
    }
    return list(value).stream().map(Objects::toString).toList();
  }
}
