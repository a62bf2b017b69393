package gov.supervision.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The infrastructure as separate JVMs on free ports, as an end-to-end test would start it. */
class LocalStackIT {

  @TempDir Path root;

  @Test
  void startsTheInfrastructureAndLeavesNoProcessBehind() throws Exception {
    List<String> out = new ArrayList<>();
    List<ManagedProcess> processes;
    try (LocalStack stack =
        LocalStack.builder().repositoryRoot(root).freePorts().output(out::add).build()) {
      stack.start();
      processes = stack.processes();
      assertThat(processes)
          .extracting(ManagedProcess::name)
          .containsExactly("kafka", "mongo", "auth", "mail");
      assertThat(stack.skippedServices()).containsExactlyElementsOf(LocalStack.SERVICE_NAMES);

      HttpResponse<String> token =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(stack.tokenUri()))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "grant_type=client_credentials&client_id=admin&client_secret=admin-secret"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(token.statusCode()).isEqualTo(200);
      assertThat(token.body()).contains("access_token");
      assertThat(
              Ports.isOpen(Integer.parseInt(stack.mongoUri("x").replaceAll(".*:(\\d+)/x", "$1"))))
          .isTrue();
      assertThat(root.resolve(".local/logs/kafka.log")).exists();
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  java.nio.file.Files.getPosixFilePermissions(root.resolve(".local"))))
          .as("store files, signing key and logs are the user's alone")
          .isEqualTo("rwx------");
    }
    assertThat(processes).noneMatch(ManagedProcess::isAlive);
    assertThat(out).anyMatch(line -> line.startsWith("WARNING: skipping gateway"));
  }

  @Test
  void aTakenPortIsNamedAndNothingStarts() throws Exception {
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      LocalStack stack =
          LocalStack.builder()
              .repositoryRoot(root)
              .freePorts()
              .mongoPort(taken.getLocalPort())
              .output(line -> {})
              .build();
      assertThatThrownBy(stack::start)
          .isInstanceOf(LocalStackException.class)
          .hasMessageContaining("port " + taken.getLocalPort() + " for mongo is already in use")
          .hasMessageContaining("MONGO_PORT");
      assertThat(stack.processes()).isEmpty();
    }
  }

  @Test
  void servicesGetTheInfrastructureAddressesAsStandardProperties() {
    StackConfig config =
        LocalStack.builder()
            .repositoryRoot(root)
            .kafkaPort(19092)
            .mongoPort(37017)
            .authPort(19000)
            .smtpPort(12525)
            .config();
    ProcessCommands commands = new ProcessCommands(config, new StackAddresses(config));
    List<String> checklist =
        commands.service(config.instancesOf("checklist-service").get(0), build("c.jar"));
    assertThat(checklist)
        .contains(
            "--spring.profiles.active=local",
            "--server.port=8081",
            "--spring.mongodb.uri=mongodb://127.0.0.1:37017/checklist",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:19000",
            "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:19000/oauth2/jwks",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=12525");
    List<String> gateway = commands.service(config.instancesOf("gateway").get(0), build("g.jar"));
    assertThat(gateway)
        .contains(
            "--supervision.routes.checklist-service=http://127.0.0.1:8081",
            "--supervision.routes.evaluation-service=http://127.0.0.1:8082",
            "--supervision.routes.notification-service=http://127.0.0.1:8083",
            // people's sessions in a database of the gateway's own; sign-in at the same issuer
            "--spring.mongodb.uri=mongodb://127.0.0.1:37017/gateway",
            "--spring.security.oauth2.client.provider.supervision.issuer-uri=http://localhost:19000")
        .noneMatch(arg -> arg.startsWith("--spring.kafka"));
    // the Kafka login goes by environment: a command line is logged and shown by ps
    assertThat(checklist).noneMatch(arg -> arg.contains("sasl") || arg.contains("password"));
  }

  @Test
  void replicasGetPortsOfTheirOwnAndTheGatewaysRouteToEveryInstance() {
    StackConfig config = LocalStack.builder().repositoryRoot(root).replicas(3).config();
    assertThat(config.instances())
        .extracting(ServiceInstance::name, ServiceInstance::port)
        .containsExactly(
            tuple("checklist-service", 8081),
            tuple("checklist-service-2", 8181),
            tuple("checklist-service-3", 8281),
            tuple("evaluation-service", 8082),
            tuple("evaluation-service-2", 8182),
            tuple("evaluation-service-3", 8282),
            tuple("notification-service", 8083),
            tuple("notification-service-2", 8183),
            tuple("notification-service-3", 8283),
            tuple("gateway", 8080),
            tuple("gateway-2", 8180));
    ProcessCommands commands = new ProcessCommands(config, new StackAddresses(config));
    for (ServiceInstance gateway : config.instancesOf("gateway")) {
      assertThat(commands.service(gateway, build("g.jar")))
          .contains(
              "--server.port=" + gateway.port(),
              "--supervision.routes.checklist-service="
                  + "http://127.0.0.1:8081,http://127.0.0.1:8181,http://127.0.0.1:8281");
    }
    ServiceInstance secondEvaluation = config.instancesOf("evaluation-service").get(1);
    assertThat(commands.service(secondEvaluation, build("e.jar")))
        .as("one key file and one database for all instances; every witness, its own number first")
        .contains(
            "--server.port=8182",
            "--spring.mongodb.uri=mongodb://127.0.0.1:27017/evaluation",
            "--supervision.access-log.key-file=" + root.resolve(".local/keys/access-log.key"),
            "--supervision.access-log.witness.urls="
                + "http://127.0.0.1:8183,http://127.0.0.1:8083,http://127.0.0.1:8283");
    assertThat(new StackAddresses(config).gatewayUrls())
        .containsExactly("http://localhost:8080", "http://localhost:8180");

    StackConfig free = LocalStack.builder().repositoryRoot(root).freePorts().replicas(2).config();
    assertThat(free.instances()).extracting(ServiceInstance::port).doesNotHaveDuplicates();
  }

  @Test
  void aServiceStartsFromItsExtractedBuildMappingItsClassDataArchiveOnceThereIsOne() {
    StackConfig config = LocalStack.builder().repositoryRoot(root).config();
    ProcessCommands commands = new ProcessCommands(config, new StackAddresses(config));
    ServiceInstance checklist = config.instancesOf("checklist-service").get(0);
    Path jar = Path.of("/cache/checklist-service/1-2/checklist-service.jar");
    assertThat(commands.service(checklist, new ServiceCache.Prepared(jar, Optional.empty())))
        .containsSubsequence("-jar", jar.toString())
        .noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile"));
    Path archive = jar.resolveSibling(ServiceCache.ARCHIVE);
    assertThat(commands.service(checklist, new ServiceCache.Prepared(jar, Optional.of(archive))))
        .containsSubsequence("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString());
    assertThat(config.serviceCache()).isEqualTo(root.resolve(".local/run"));
  }

  private static ServiceCache.Prepared build(String jar) {
    return new ServiceCache.Prepared(Path.of(jar), Optional.empty());
  }
}
