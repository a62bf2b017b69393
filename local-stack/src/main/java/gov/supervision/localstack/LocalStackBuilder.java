package gov.supervision.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Settings of a {@link LocalStack}: every port can be changed, or all made free ones. {@link
 * #build()} copies them into the stack's own {@link StackConfig}: changing the builder afterwards
 * changes no stack already built.
 */
public final class LocalStackBuilder {
  private Path repositoryRoot = Path.of("").toAbsolutePath();
  private Path workDir;
  private Path serviceCache;
  private String version = "0.1.0-SNAPSHOT";
  private int kafkaPort = 9092;
  private int kafkaControllerPort = -1;
  private int mongoPort = 27017;
  private int authPort = 9000;
  private int smtpPort = 2525;
  private int mailHttpPort = 2580;
  private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
  private boolean freePorts;
  private int replicas = 1;
  private List<String> services = LocalStack.SERVICE_NAMES;
  private boolean requireServices;
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final String classpath = System.getProperty("java.class.path");
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

  LocalStackBuilder() {
    ServiceDefinition.SUITE.forEach(s -> servicePorts.put(s.name(), s.defaultPort()));
  }

  /** The checkout whose {@code <service>/target/<service>-<version>.jar} are started. */
  public LocalStackBuilder repositoryRoot(Path root) {
    this.repositoryRoot = root.toAbsolutePath().normalize();
    return this;
  }

  /** Where data and logs go; default {@code <repositoryRoot>/.local}. */
  public LocalStackBuilder workDir(Path dir) {
    this.workDir = dir.toAbsolutePath().normalize();
    return this;
  }

  /**
   * Where the services' builds and class data archives go (stacks may share it); default work dir's
   * {@code run}.
   */
  public LocalStackBuilder serviceCache(Path dir) {
    this.serviceCache = dir.toAbsolutePath().normalize();
    return this;
  }

  /** The project version in the jar names. */
  public LocalStackBuilder version(String version) {
    this.version = version;
    return this;
  }

  /** Kafka's client port; the controller takes the next port unless set. */
  public LocalStackBuilder kafkaPort(int port) {
    this.kafkaPort = port;
    return this;
  }

  /** Kafka's KRaft controller port. */
  public LocalStackBuilder kafkaControllerPort(int port) {
    this.kafkaControllerPort = port;
    return this;
  }

  /** The MongoDB-compatible store's port. */
  public LocalStackBuilder mongoPort(int port) {
    this.mongoPort = port;
    return this;
  }

  /** The issuer's port (the issuer is {@code http://localhost:<port>}). */
  public LocalStackBuilder authPort(int port) {
    this.authPort = port;
    return this;
  }

  /** The SMTP port. */
  public LocalStackBuilder smtpPort(int port) {
    this.smtpPort = port;
    return this;
  }

  /** The port of the mail listing ({@code /messages}). */
  public LocalStackBuilder mailHttpPort(int port) {
    this.mailHttpPort = port;
    return this;
  }

  /** The port of the first instance of one service, by module name. */
  public LocalStackBuilder servicePort(String service, int port) {
    servicePorts.put(ServiceDefinition.named(service).name(), port);
    return this;
  }

  /** Every port a free loopback port (for tests running next to a local stack). */
  public LocalStackBuilder freePorts() {
    kafkaPort = Ports.freePair();
    kafkaControllerPort = kafkaPort + 1;
    mongoPort = Ports.free();
    authPort = Ports.free();
    smtpPort = Ports.free();
    mailHttpPort = Ports.free();
    servicePorts.replaceAll((service, port) -> Ports.free());
    freePorts = true;
    return this;
  }

  /**
   * How many instances of each service behind the gateway to start (default 1), each on its own
   * port; with more than one, a second gateway too.
   */
  public LocalStackBuilder replicas(int replicas) {
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
    }
    this.replicas = replicas;
    return this;
  }

  /** Which services to start (module names); default all four. */
  public LocalStackBuilder services(List<String> names) {
    names.forEach(ServiceDefinition::named);
    this.services = List.copyOf(names);
    return this;
  }

  /** Only Kafka, the store, the issuer and SMTP. */
  public LocalStackBuilder infrastructureOnly() {
    return services(List.of());
  }

  /** Fail instead of skipping a service whose jar is missing (end-to-end tests want this). */
  public LocalStackBuilder requireServices(boolean require) {
    this.requireServices = require;
    return this;
  }

  /** JVM options of the infrastructure JVMs (after each part's own {@code -Xmx}). */
  public LocalStackBuilder infraJavaOptions(List<String> options) {
    this.infraJavaOptions = List.copyOf(options);
    return this;
  }

  /** JVM options of every service JVM. */
  public LocalStackBuilder serviceJavaOptions(List<String> options) {
    this.serviceJavaOptions = List.copyOf(options);
    return this;
  }

  /** Extra {@code --name=value} arguments for every service, after the stack's own. */
  public LocalStackBuilder serviceArguments(List<String> arguments) {
    this.serviceArguments = List.copyOf(arguments);
    return this;
  }

  /** Extra {@code --name=value} arguments for the issuer, after the stack's own. */
  public LocalStackBuilder authArguments(List<String> arguments) {
    this.authArguments = List.copyOf(arguments);
    return this;
  }

  /** Ports of further gateway instances ({@link LocalStack#startGatewayInstance}). */
  public LocalStackBuilder extraGatewayPorts(List<Integer> ports) {
    this.extraGatewayPorts = List.copyOf(ports);
    return this;
  }

  /** How long each infrastructure part may take to become healthy. */
  public LocalStackBuilder infraTimeout(Duration timeout) {
    this.infraTimeout = timeout;
    return this;
  }

  /** How long each service may take to report UP. */
  public LocalStackBuilder serviceTimeout(Duration timeout) {
    this.serviceTimeout = timeout;
    return this;
  }

  /** How long a part may take to stop before it is killed. */
  public LocalStackBuilder stopGrace(Duration grace) {
    this.stopGrace = grace;
    return this;
  }

  /** Where progress lines go; default standard output with a {@code [local-stack]} prefix. */
  public LocalStackBuilder output(Consumer<String> out) {
    this.out = out;
    return this;
  }

  /** The stack; nothing is started until {@link LocalStack#start()}. */
  public LocalStack build() {
    return new LocalStack(config());
  }

  StackConfig config() {
    Path work = workDir == null ? repositoryRoot.resolve(".local") : workDir;
    return new StackConfig(
        repositoryRoot,
        work,
        serviceCache == null ? work.resolve("run") : serviceCache,
        version,
        new StackConfig.InfraPorts(
            kafkaPort,
            kafkaControllerPort < 0 ? kafkaPort + 1 : kafkaControllerPort,
            mongoPort,
            authPort,
            smtpPort,
            mailHttpPort),
        ServiceInstance.plan(servicePorts, replicas, freePorts),
        services,
        requireServices,
        java,
        classpath,
        infraJavaOptions,
        serviceJavaOptions,
        serviceArguments,
        authArguments,
        extraGatewayPorts,
        new StackConfig.Timeouts(infraTimeout, serviceTimeout, stopGrace),
        out);
  }
}
