package gov.supervision.localstack;

import gov.supervision.localstack.auth.AuthServer;
import gov.supervision.localstack.kafka.KafkaBroker;
import gov.supervision.localstack.kafka.KafkaCredentials;
import gov.supervision.localstack.mail.MailServer;
import gov.supervision.localstack.mongo.MongoStore;
import gov.supervision.localstack.support.ParentWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarFile;

/**
 * The whole suite on one machine: Kafka, the MongoDB-compatible store, the OAuth2 issuer and SMTP,
 * then the four services, each as its own JVM with its own log under {@code <workDir>/logs}. Used
 * by {@code run-local.sh} (through {@link LocalStackCli}) and by end-to-end tests on free ports:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().repositoryRoot(root).workDir(tmp).freePorts().build()) {
 *   stack.start();
 *   ... stack.gatewayUrl() ...
 * }
 * }</pre>
 *
 * <p>{@link #start()} checks every port first, waits for each part to be healthy (with a timeout
 * per part), and on any failure stops what it started and throws a {@link LocalStackException}
 * naming the part. {@link #close()} stops the services, then the infrastructure.
 */
public final class LocalStack implements AutoCloseable {

  /** A service of the suite: its module name, HTTP port and MongoDB database (none for gateway). */
  public record Service(String name, int port, String database) {}

  /** The services in start order (the gateway last, it only routes). */
  public static final List<String> SERVICE_NAMES =
      List.of("checklist-service", "evaluation-service", "notification-service", "gateway");

  private static final Map<String, String> PORT_ENV =
      Map.ofEntries(
          Map.entry("kafka", "KAFKA_PORT"),
          Map.entry("kafka controller", "KAFKA_CONTROLLER_PORT"),
          Map.entry("mongo", "MONGO_PORT"),
          Map.entry("auth", "AUTH_PORT"),
          Map.entry("mail (SMTP)", "SMTP_PORT"),
          Map.entry("mail (HTTP)", "MAIL_HTTP_PORT"),
          Map.entry("checklist-service", "CHECKLIST_PORT"),
          Map.entry("evaluation-service", "EVALUATION_PORT"),
          Map.entry("notification-service", "NOTIFICATION_PORT"),
          Map.entry("gateway", "GATEWAY_PORT"));

  private final Builder config;
  private final List<ManagedProcess> infrastructure = new ArrayList<>();
  private final List<ManagedProcess> services = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final java.util.Map<String, PartLaunch> launches =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Object lock = new Object();
  private volatile boolean stopped;
  private boolean closed;
  private volatile KafkaCredentials kafkaCredentials;

  private LocalStack(Builder config) {
    this.config = config;
  }

  /**
   * A builder with the default ports of the local stack (docs/architecture.md, "Infrastructure").
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts every part and waits until each is healthy.
   *
   * @throws LocalStackException naming the part that could not start (after stopping the others)
   */
  public void start() {
    synchronized (lock) {
      if (stopped || !infrastructure.isEmpty()) {
        throw new IllegalStateException("a LocalStack starts once");
      }
      long began = System.nanoTime();
      try {
        Files.createDirectories(config.workDir.resolve("logs"));
        ownerOnly(config.workDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<Service> runnable = runnableServices();
      checkPortsFree(runnable);
      try {
        startInfrastructure();
        startServices(runnable);
      } catch (RuntimeException e) {
        stopped = true;
        shutdown();
        throw e;
      }
      config.out.accept(
          String.format("all parts healthy after %.1f s", (System.nanoTime() - began) / 1e9));
    }
  }

  /**
   * Stops every process this stack started: services first, then the infrastructure. A {@link
   * #start()} still waiting for a part gives up within a second.
   */
  @Override
  public void close() {
    stopped = true;
    synchronized (lock) {
      shutdown();
    }
  }

  /** The first part found no longer running, if any (to notice a crash after the start). */
  public java.util.Optional<ManagedProcess> firstDeadPart() {
    if (stopped) {
      return java.util.Optional.empty();
    }
    return processes().stream().filter(p -> !p.isAlive()).findFirst();
  }

  private void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    stopAll(services);
    stopAll(infrastructure);
  }

  // ---------------------------------------------------------------- addresses for clients

  /** The gateway's base URL, e.g. {@code http://localhost:8080}. */
  public String gatewayUrl() {
    return "http://localhost:" + config.gatewayPort;
  }

  /**
   * Every gateway origin people may sign in through: the gateway's, then those of {@link
   * Builder#extraGatewayPorts} (each registered with the issuer as a redirect target).
   */
  public List<String> gatewayUrls() {
    List<String> urls = new ArrayList<>();
    urls.add(gatewayUrl());
    config.extraGatewayPorts.forEach(port -> urls.add("http://localhost:" + port));
    return urls;
  }

  /**
   * Starts one more gateway process named {@code name} on {@code port} (one of {@link
   * Builder#extraGatewayPorts}), sharing the store, issuer and services of this stack, with {@code
   * arguments} (each {@code --name=value}) in place of the usual ones of the same names; waits
   * until it is healthy. Stop it with {@link #stopPart}.
   */
  public void startGatewayInstance(String name, int port, List<String> arguments) {
    if (!config.extraGatewayPorts.contains(port)) {
      throw new IllegalArgumentException(
          "port " + port + " is not among the extra gateway ports registered with the issuer");
    }
    synchronized (lock) {
      Service gateway = new Service("gateway", port, null);
      List<String> command = new ArrayList<>(serviceCommand(gateway, snapshot(gateway)));
      // a property given twice would be bound as "first,second": the instance's own wins
      command.removeIf(
          argument ->
              arguments.stream()
                  .anyMatch(own -> argument.startsWith(own.substring(0, own.indexOf('=') + 1))));
      command.addAll(arguments);
      ManagedProcess process = launch(name, command);
      services.add(process);
      remember(
          name,
          HealthCheck.http("http://127.0.0.1:" + port + "/actuator/health", "\"UP\""),
          config.serviceTimeout);
      awaitHealthy(process, launches.get(name).check(), config.serviceTimeout);
    }
  }

  /** The issuer ({@code iss} of the tokens), e.g. {@code http://localhost:9000}. */
  public String issuerUri() {
    return "http://localhost:" + config.authPort;
  }

  /** The token endpoint. */
  public String tokenUri() {
    return issuerUri() + "/oauth2/token";
  }

  /** The JWK set of the issuer. */
  public String jwkSetUri() {
    return issuerUri() + "/oauth2/jwks";
  }

  /** Kafka's {@code bootstrap.servers}. */
  public String kafkaBootstrapServers() {
    return "127.0.0.1:" + config.kafkaPort;
  }

  /**
   * Settings of a Kafka client logging in as {@code principal} ({@value KafkaCredentials#ADMIN} or
   * a service), {@code bootstrap.servers} included; available once {@link #start()} began.
   */
  public Map<String, Object> kafkaClientProperties(String principal) {
    Map<String, Object> props = new LinkedHashMap<>(kafkaCredentials().clientProperties(principal));
    props.put("bootstrap.servers", kafkaBootstrapServers());
    return props;
  }

  private KafkaCredentials kafkaCredentials() {
    if (kafkaCredentials == null) {
      kafkaCredentials = KafkaCredentials.loadOrCreate(config.workDir.resolve("kafka"));
    }
    return kafkaCredentials;
  }

  /** A MongoDB connection string for {@code database}. */
  public String mongoUri(String database) {
    return "mongodb://127.0.0.1:" + config.mongoPort + "/" + database;
  }

  /** The SMTP port. */
  public int smtpPort() {
    return config.smtpPort;
  }

  /** Where received mail is listed as JSON. */
  public String mailMessagesUrl() {
    return "http://127.0.0.1:" + config.mailHttpPort + "/messages";
  }

  /** The base URL of one service, e.g. {@code http://127.0.0.1:8081} for checklist-service. */
  public String serviceUrl(String name) {
    return "http://127.0.0.1:" + servicePort(name);
  }

  /** The port of one service. */
  public int servicePort(String name) {
    return switch (name) {
      case "checklist-service" -> config.checklistPort;
      case "evaluation-service" -> config.evaluationPort;
      case "notification-service" -> config.notificationPort;
      case "gateway" -> config.gatewayPort;
      default -> throw new IllegalArgumentException("unknown service " + name);
    };
  }

  /** The services left out because their module has no runnable jar yet. */
  public List<String> skippedServices() {
    return Collections.unmodifiableList(skipped);
  }

  /** Every running process of the stack, infrastructure first. */
  public List<ManagedProcess> processes() {
    List<ManagedProcess> all = new ArrayList<>(infrastructure);
    all.addAll(services);
    return all;
  }

  // ---------------------------------------------------------------- starting

  private List<Service> runnableServices() {
    List<Service> runnable = new ArrayList<>();
    for (String name : config.services) {
      Path jar = serviceJar(name);
      String problem = jarProblem(jar);
      if (problem == null) {
        runnable.add(new Service(name, servicePort(name), database(name)));
      } else if (config.requireServices) {
        throw new LocalStackException(name + ": " + problem);
      } else {
        skipped.add(name);
        config.out.accept("WARNING: skipping " + name + ": " + problem);
      }
    }
    return runnable;
  }

  private Path serviceJar(String name) {
    return config
        .repositoryRoot
        .resolve(name)
        .resolve("target")
        .resolve(name + "-" + config.version + ".jar");
  }

  private String jarProblem(Path jar) {
    if (!Files.isRegularFile(jar)) {
      return "no jar at "
          + config.repositoryRoot.relativize(jar)
          + " (module has no main class yet, or is not built)";
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      var manifest = file.getManifest();
      if (manifest == null || manifest.getMainAttributes().getValue("Main-Class") == null) {
        return config.repositoryRoot.relativize(jar)
            + " is not an executable Spring Boot jar (no Main-Class)";
      }
    } catch (IOException e) {
      return "cannot read " + jar + ": " + e.getMessage();
    }
    return null;
  }

  private static String database(String service) {
    return switch (service) {
      case "checklist-service" -> "checklist";
      case "evaluation-service" -> "evaluation";
      case "notification-service" -> "notification";
      default -> null;
    };
  }

  private void checkPortsFree(List<Service> runnable) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("kafka", config.kafkaPort);
    ports.put("kafka controller", config.kafkaControllerPort);
    ports.put("mongo", config.mongoPort);
    ports.put("auth", config.authPort);
    ports.put("mail (SMTP)", config.smtpPort);
    ports.put("mail (HTTP)", config.mailHttpPort);
    for (Service service : runnable) {
      ports.put(service.name(), service.port());
    }
    Set<Integer> seen = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    ports.forEach(
        (part, port) -> {
          if (!seen.add(port)) {
            problems.add("port " + port + " is configured twice (" + part + ")");
          } else if (!Ports.isFree(port)) {
            problems.add(
                "port "
                    + port
                    + " for "
                    + part
                    + " is already in use (stop what holds it, or set "
                    + PORT_ENV.getOrDefault(part, "its port")
                    + ")");
          }
        });
    if (!problems.isEmpty()) {
      throw new LocalStackException(String.join("; ", problems));
    }
  }

  private void startInfrastructure() {
    Path data = config.workDir;
    kafkaCredentials(); // before the broker: it and the services share the passwords
    ManagedProcess kafka =
        launch(
            "kafka",
            infraCommand(
                "-Xmx256m",
                KafkaBroker.class,
                "--port=" + config.kafkaPort,
                "--controller-port=" + config.kafkaControllerPort,
                "--data-dir=" + data.resolve("kafka")));
    ManagedProcess mongo =
        launch(
            "mongo",
            infraCommand(
                "-Xmx256m",
                MongoStore.class,
                "--port=" + config.mongoPort,
                "--data-dir=" + data.resolve("mongo")));
    List<String> authCommand =
        new ArrayList<>(
            infraCommand(
                "-Xmx160m",
                AuthServer.class,
                "--server.port=" + config.authPort,
                "--localstack.auth.issuer=" + issuerUri(),
                "--localstack.auth.key-dir=" + data.resolve("auth"),
                "--localstack.auth.console.gateway-urls=" + String.join(",", gatewayUrls())));
    authCommand.addAll(config.authArguments);
    ManagedProcess auth = launch("auth", authCommand);
    ManagedProcess mail =
        launch(
            "mail",
            infraCommand(
                "-Xmx96m",
                MailServer.class,
                "--smtp-port=" + config.smtpPort,
                "--http-port=" + config.mailHttpPort));
    infrastructure.addAll(List.of(kafka, mongo, auth, mail));
    remember(
        "kafka",
        HealthCheck.kafka(
            config.kafkaPort,
            kafkaCredentials().clientProperties(KafkaCredentials.ADMIN),
            Set.copyOf(KafkaBroker.SUITE_TOPICS)),
        config.infraTimeout);
    remember("mongo", HealthCheck.tcp(config.mongoPort), config.infraTimeout);
    remember("auth", HealthCheck.http(jwkSetUri(), "\"keys\""), config.infraTimeout);
    remember("mail", HealthCheck.http(mailMessagesUrl(), null), config.infraTimeout);
    for (ManagedProcess part : List.of(kafka, mongo, auth, mail)) {
      PartLaunch launch = launches.get(part.name());
      awaitHealthy(part, launch.check(), launch.timeout());
    }
  }

  /** How a part was started and how its health is checked, to start it again. */
  private record PartLaunch(List<String> command, HealthCheck check, Duration timeout) {}

  private void remember(String name, HealthCheck check, Duration timeout) {
    launches.compute(name, (key, old) -> new PartLaunch(lastCommands.get(name), check, timeout));
  }

  private final java.util.Map<String, List<String>> lastCommands =
      new java.util.concurrent.ConcurrentHashMap<>();

  // ------------------------------------------------------------ faults, for operators and tests

  /**
   * The work directory holds the store's files, the issuer's signing key and the logs: only the
   * user running the stack may enter it, whatever the modes of the files the parts create inside.
   */
  private static void ownerOnly(Path dir) throws IOException {
    try {
      Files.setPosixFilePermissions(
          dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException notPosix) {
      // not a POSIX file system (Windows): the directory keeps the user profile's own ACLs
    }
  }

  /** Stops one part (e.g. {@code kafka}, {@code evaluation-service}) and waits until it ended. */
  public void stopPart(String name) {
    ManagedProcess process = part(name);
    config.out.accept("stopping " + name + " (pid " + process.pid() + ")");
    process.requestStop();
    process.awaitStop(config.stopGrace);
  }

  /** Kills one part at once, like {@code kill -9}: no shutdown hooks, nothing flushed. */
  public void killPart(String name) {
    ManagedProcess process = part(name);
    config.out.accept("killing " + name + " (pid " + process.pid() + ")");
    ProcessHandle.of(process.pid())
        .ifPresent(
            handle -> {
              handle.descendants().forEach(ProcessHandle::destroyForcibly);
              handle.destroyForcibly();
              handle.onExit().join();
            });
  }

  /** Starts a stopped or killed part again with its first command line and waits for health. */
  public void restartPart(String name) {
    synchronized (lock) {
      ManagedProcess old = part(name);
      if (old.isAlive()) {
        throw new IllegalStateException(name + " is still running");
      }
      PartLaunch launch = launches.get(name);
      ManagedProcess process = launch(name, launch.command());
      List<ManagedProcess> group = infrastructure.contains(old) ? infrastructure : services;
      group.set(group.indexOf(old), process);
      awaitHealthy(process, launch.check(), launch.timeout());
    }
  }

  private ManagedProcess part(String name) {
    return processes().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no part named " + name));
  }

  private void startServices(List<Service> runnable) {
    List<ManagedProcess> started = new ArrayList<>();
    for (Service service : runnable) {
      ManagedProcess process = launch(service.name(), serviceCommand(service, snapshot(service)));
      services.add(process);
      started.add(process);
    }
    for (int i = 0; i < runnable.size(); i++) {
      Service service = runnable.get(i);
      remember(
          service.name(),
          HealthCheck.http("http://127.0.0.1:" + service.port() + "/actuator/health", "\"UP\""),
          config.serviceTimeout);
      awaitHealthy(started.get(i), launches.get(service.name()).check(), config.serviceTimeout);
    }
  }

  private List<String> infraCommand(String heap, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(config.java);
    command.add(heap);
    command.addAll(config.infraJavaOptions);
    command.add("-D" + ParentWatch.PROPERTY + "=" + ProcessHandle.current().pid());
    command.add("-Dlogback.configurationFile=localstack-logback.xml");
    command.add("-cp");
    command.add(config.classpath);
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * A private copy of the service's jar under {@code <workDir>/run}, so that a rebuild of the
   * module while the stack runs ({@code ./mvnw package} replaces the jar) cannot pull classes from
   * under the running JVM. Copied only when the jar changed.
   */
  private Path snapshot(Service service) {
    Path jar = serviceJar(service.name());
    Path copy = config.workDir.resolve("run").resolve(service.name() + ".jar");
    try {
      Files.createDirectories(copy.getParent());
      if (!Files.exists(copy)
          || Files.size(copy) != Files.size(jar)
          || !Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(jar))) {
        Path tmp = copy.resolveSibling(copy.getFileName() + ".tmp");
        Files.copy(
            jar,
            tmp,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(
            tmp,
            copy,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      return copy;
    } catch (IOException e) {
      throw new LocalStackException("cannot copy " + jar + " to " + copy + ": " + e.getMessage());
    }
  }

  /** The command line of one service; the property names are the contract with the services. */
  List<String> serviceCommand(Service service, Path jar) {
    List<String> command = new ArrayList<>();
    command.add(config.java);
    command.addAll(config.serviceJavaOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--spring.profiles.active=local");
    command.add("--server.address=127.0.0.1");
    command.add("--server.port=" + service.port());
    command.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri());
    command.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri());
    if (service.database() != null) {
      command.add("--spring.mongodb.uri=" + mongoUri(service.database()));
      command.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers());
      command.add("--spring.mail.host=127.0.0.1");
      command.add("--spring.mail.port=" + config.smtpPort);
      if (service.name().equals("evaluation-service")) {
        // the access log's key stays beside the store, never in it; the witness is notification
        command.add(
            "--supervision.access-log.key-file="
                + config.workDir.resolve("keys").resolve("access-log.key"));
        command.add("--supervision.access-log.witness.url=" + serviceUrl("notification-service"));
      }
    } else {
      command.add("--spring.mongodb.uri=" + mongoUri("gateway"));
      command.add("--spring.security.oauth2.client.provider.supervision.issuer-uri=" + issuerUri());
      command.add("--supervision.routes.checklist-service=" + serviceUrl("checklist-service"));
      command.add("--supervision.routes.evaluation-service=" + serviceUrl("evaluation-service"));
      command.add(
          "--supervision.routes.notification-service=" + serviceUrl("notification-service"));
    }
    command.addAll(config.serviceArguments);
    return command;
  }

  private ManagedProcess launch(String name, List<String> command) {
    if (stopped) {
      throw new LocalStackException("stack is stopping; not starting " + name);
    }
    lastCommands.putIfAbsent(name, List.copyOf(command));
    try {
      ManagedProcess process =
          ManagedProcess.start(
              name,
              command,
              kafkaCredentials().serviceEnvironment(name),
              config.repositoryRoot,
              config.workDir.resolve("logs").resolve(name + ".log"));
      config.out.accept(
          "started "
              + name
              + " (pid "
              + process.pid()
              + ", log "
              + display(process.logFile())
              + ")");
      return process;
    } catch (IOException e) {
      throw new LocalStackException("cannot start " + name + ": " + e.getMessage());
    }
  }

  private void awaitHealthy(ManagedProcess process, HealthCheck check, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long began = System.nanoTime();
    Exception last = null;
    while (true) {
      if (stopped) {
        throw new LocalStackException("stack is stopping; " + process.name() + " not ready");
      }
      if (!process.isAlive()) {
        throw new LocalStackException(
            process.name()
                + " exited with code "
                + process.exitCode().orElse(-1)
                + " while starting; last lines of "
                + display(process.logFile())
                + ":\n"
                + process.tail(10));
      }
      try {
        if (check.ready()) {
          config.out.accept(
              String.format(
                  "%s is healthy (%.1f s)", process.name(), (System.nanoTime() - began) / 1e9));
          return;
        }
        last = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalStackException("interrupted while waiting for " + process.name());
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new LocalStackException(
            process.name()
                + " is not healthy after "
                + timeout.toSeconds()
                + " s"
                + (last == null ? "" : " (" + last + ")")
                + "; last lines of "
                + display(process.logFile())
                + ":\n"
                + process.tail(10));
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalStackException("interrupted while waiting for " + process.name());
      }
    }
  }

  private void stopAll(List<ManagedProcess> processes) {
    List<ManagedProcess> running = processes.stream().filter(ManagedProcess::isAlive).toList();
    for (ManagedProcess process : running) {
      config.out.accept("stopping " + process.name() + " (pid " + process.pid() + ")");
      process.requestStop();
    }
    for (ManagedProcess process : running) {
      if (!process.awaitStop(config.stopGrace)) {
        config.out.accept(process.name() + " did not stop in time: killed");
      }
    }
  }

  private String display(Path path) {
    Path absolute = path.toAbsolutePath();
    return absolute.startsWith(config.repositoryRoot)
        ? config.repositoryRoot.relativize(absolute).toString()
        : absolute.toString();
  }

  /** Settings of a {@link LocalStack}; every port can be changed, or all made free ones. */
  public static final class Builder {
    private Path repositoryRoot = Path.of("").toAbsolutePath();
    private Path workDir;
    private String version = "0.1.0-SNAPSHOT";
    private int kafkaPort = 9092;
    private int kafkaControllerPort = -1;
    private int mongoPort = 27017;
    private int authPort = 9000;
    private int smtpPort = 2525;
    private int mailHttpPort = 2580;
    private int checklistPort = 8081;
    private int evaluationPort = 8082;
    private int notificationPort = 8083;
    private int gatewayPort = 8080;
    private List<String> services = SERVICE_NAMES;
    private boolean requireServices;
    private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private String classpath = System.getProperty("java.class.path");
    private List<String> infraJavaOptions =
        List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    private List<String> serviceJavaOptions =
        List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    private List<String> serviceArguments = List.of();
    private List<String> authArguments = List.of();
    private List<Integer> extraGatewayPorts = List.of();
    private Duration infraTimeout = Duration.ofSeconds(90);
    private Duration serviceTimeout = Duration.ofSeconds(180);
    private Duration stopGrace = Duration.ofSeconds(20);
    private Consumer<String> out = line -> System.out.println("[local-stack] " + line);

    private Builder() {}

    /** The checkout whose {@code <service>/target/<service>-<version>.jar} are started. */
    public Builder repositoryRoot(Path root) {
      this.repositoryRoot = root.toAbsolutePath().normalize();
      return this;
    }

    /** Where data and logs go; default {@code <repositoryRoot>/.local}. */
    public Builder workDir(Path dir) {
      this.workDir = dir.toAbsolutePath().normalize();
      return this;
    }

    /** The project version in the jar names. */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** Kafka's client port; the controller takes the next port unless set. */
    public Builder kafkaPort(int port) {
      this.kafkaPort = port;
      return this;
    }

    /** Kafka's KRaft controller port. */
    public Builder kafkaControllerPort(int port) {
      this.kafkaControllerPort = port;
      return this;
    }

    /** The MongoDB-compatible store's port. */
    public Builder mongoPort(int port) {
      this.mongoPort = port;
      return this;
    }

    /** The issuer's port (the issuer is {@code http://localhost:<port>}). */
    public Builder authPort(int port) {
      this.authPort = port;
      return this;
    }

    /** The SMTP port. */
    public Builder smtpPort(int port) {
      this.smtpPort = port;
      return this;
    }

    /** The port of the mail listing ({@code /messages}). */
    public Builder mailHttpPort(int port) {
      this.mailHttpPort = port;
      return this;
    }

    /** The port of one service by module name. */
    public Builder servicePort(String service, int port) {
      switch (service) {
        case "checklist-service" -> checklistPort = port;
        case "evaluation-service" -> evaluationPort = port;
        case "notification-service" -> notificationPort = port;
        case "gateway" -> gatewayPort = port;
        default -> throw new IllegalArgumentException("unknown service " + service);
      }
      return this;
    }

    /** Every port a free loopback port (for tests running next to a local stack). */
    public Builder freePorts() {
      kafkaPort = Ports.freePair();
      kafkaControllerPort = kafkaPort + 1;
      mongoPort = Ports.free();
      authPort = Ports.free();
      smtpPort = Ports.free();
      mailHttpPort = Ports.free();
      checklistPort = Ports.free();
      evaluationPort = Ports.free();
      notificationPort = Ports.free();
      gatewayPort = Ports.free();
      return this;
    }

    /** Which services to start (module names); default all four. */
    public Builder services(List<String> names) {
      for (String name : names) {
        if (!SERVICE_NAMES.contains(name)) {
          throw new IllegalArgumentException("unknown service " + name);
        }
      }
      this.services = List.copyOf(names);
      return this;
    }

    /** Only Kafka, the store, the issuer and SMTP. */
    public Builder infrastructureOnly() {
      return services(List.of());
    }

    /** Fail instead of skipping a service whose jar is missing (end-to-end tests want this). */
    public Builder requireServices(boolean require) {
      this.requireServices = require;
      return this;
    }

    /** The {@code java} executable; default the running JVM's. */
    public Builder java(String executable) {
      this.java = executable;
      return this;
    }

    /** The class path of the infrastructure launchers; default the running JVM's. */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    /** JVM options of the infrastructure JVMs (after each part's own {@code -Xmx}). */
    public Builder infraJavaOptions(List<String> options) {
      this.infraJavaOptions = List.copyOf(options);
      return this;
    }

    /** JVM options of every service JVM. */
    public Builder serviceJavaOptions(List<String> options) {
      this.serviceJavaOptions = List.copyOf(options);
      return this;
    }

    /** Extra {@code --name=value} arguments for every service, after the stack's own. */
    public Builder serviceArguments(List<String> arguments) {
      this.serviceArguments = List.copyOf(arguments);
      return this;
    }

    /** Extra {@code --name=value} arguments for the issuer, after the stack's own. */
    public Builder authArguments(List<String> arguments) {
      this.authArguments = List.copyOf(arguments);
      return this;
    }

    /** Ports of further gateway instances ({@link LocalStack#startGatewayInstance}). */
    public Builder extraGatewayPorts(List<Integer> ports) {
      this.extraGatewayPorts = List.copyOf(ports);
      return this;
    }

    /** How long each infrastructure part may take to become healthy. */
    public Builder infraTimeout(Duration timeout) {
      this.infraTimeout = timeout;
      return this;
    }

    /** How long each service may take to report UP. */
    public Builder serviceTimeout(Duration timeout) {
      this.serviceTimeout = timeout;
      return this;
    }

    /** How long a part may take to stop before it is killed. */
    public Builder stopGrace(Duration grace) {
      this.stopGrace = grace;
      return this;
    }

    /** Where progress lines go; default standard output with a {@code [local-stack]} prefix. */
    public Builder output(Consumer<String> out) {
      this.out = out;
      return this;
    }

    /** The stack; nothing is started until {@link LocalStack#start()}. */
    public LocalStack build() {
      if (workDir == null) {
        workDir = repositoryRoot.resolve(".local");
      }
      if (kafkaControllerPort < 0) {
        kafkaControllerPort = kafkaPort + 1;
      }
      return new LocalStack(this);
    }
  }
}
