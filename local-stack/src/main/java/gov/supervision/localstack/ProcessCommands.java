package gov.supervision.localstack;

import gov.supervision.localstack.auth.AuthServer;
import gov.supervision.localstack.kafka.KafkaBroker;
import gov.supervision.localstack.mail.MailServer;
import gov.supervision.localstack.mongo.MongoStore;
import gov.supervision.localstack.support.ParentWatch;
import java.util.ArrayList;
import java.util.List;

/** The command line of each part of a stack. */
final class ProcessCommands {

  private final StackConfig config;
  private final StackAddresses addresses;

  ProcessCommands(StackConfig config, StackAddresses addresses) {
    this.config = config;
    this.addresses = addresses;
  }

  List<String> kafka() {
    return infra(
        "-Xmx256m",
        KafkaBroker.class,
        List.of(
            "--port=" + config.infra().kafka(),
            "--controller-port=" + config.infra().kafkaController(),
            "--data-dir=" + config.workDir().resolve("kafka")));
  }

  List<String> mongo() {
    return infra(
        "-Xmx256m",
        MongoStore.class,
        List.of(
            "--port=" + config.infra().mongo(), "--data-dir=" + config.workDir().resolve("mongo")));
  }

  List<String> auth() {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=" + config.infra().auth(),
                "--localstack.auth.issuer=" + addresses.issuerUri(),
                "--localstack.auth.key-dir=" + config.workDir().resolve("auth"),
                "--localstack.auth.console.gateway-urls="
                    + String.join(",", addresses.gatewayUrls())));
    arguments.addAll(config.authArguments());
    return infra("-Xmx160m", AuthServer.class, arguments);
  }

  List<String> mail() {
    return infra(
        "-Xmx96m",
        MailServer.class,
        List.of(
            "--smtp-port=" + config.infra().smtp(), "--http-port=" + config.infra().mailHttp()));
  }

  /**
   * The command line of one service instance running {@code build}: what every service gets (the
   * {@code local} profile, its port on loopback, the issuer), what its definition says it needs,
   * then the stack's extra arguments.
   */
  List<String> service(ServiceInstance instance, ServiceCache.Prepared build) {
    List<String> command = new ArrayList<>();
    command.add(config.java());
    command.addAll(config.serviceJavaOptions());
    command.addAll(build.javaOptions());
    command.add("-jar");
    command.add(build.jar().toString());
    command.add("--spring.profiles.active=local");
    command.add("--server.address=127.0.0.1");
    command.add("--server.port=" + instance.port());
    command.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + addresses.issuerUri());
    command.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + addresses.jwkSetUri());
    for (ServiceNeed need : instance.definition().needs()) {
      command.addAll(need.arguments(addresses, instance));
    }
    command.addAll(config.serviceArguments());
    return command;
  }

  /**
   * {@code base} with {@code overrides} (each {@code --name=value}) in place of its arguments of
   * the same names: a property given twice would be bound as "first,second".
   */
  static List<String> overridden(List<String> base, List<String> overrides) {
    List<String> command = new ArrayList<>(base);
    command.removeIf(
        argument ->
            overrides.stream()
                .anyMatch(own -> argument.startsWith(own.substring(0, own.indexOf('=') + 1))));
    command.addAll(overrides);
    return command;
  }

  private List<String> infra(String heap, Class<?> main, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(config.java());
    command.add(heap);
    command.addAll(config.infraJavaOptions());
    command.add("-D" + ParentWatch.PROPERTY + "=" + ProcessHandle.current().pid());
    command.add("-Dlogback.configurationFile=localstack-logback.xml");
    command.add("-cp");
    command.add(config.classpath());
    command.add(main.getName());
    command.addAll(arguments);
    return command;
  }
}
