package gov.supervision.localstack;

import gov.supervision.localstack.kafka.KafkaCredentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole suite on one machine: Kafka, the MongoDB-compatible store, the OAuth2 issuer and SMTP,
 * then each instance of each service as its own JVM with its own log under {@code <workDir>/logs}.
 * Used by {@code run-local.sh} (through {@link LocalStackCli}) and by end-to-end tests on free
 * ports:
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

  /** The services in start order (the gateway last, it only routes). */
  public static final List<String> SERVICE_NAMES =
      ServiceDefinition.SUITE.stream().map(ServiceDefinition::name).toList();

  private final StackConfig config;
  private final StackAddresses addresses;
  private final StackFiles files;
  private final StackParts parts;
  private final HealthWait health;
  private final FaultControl faults;
  private final StackStarter starter;
  private final List<String> skipped = new ArrayList<>();
  private final Object lock = new Object();
  private volatile boolean stopped;
  private boolean closed;

  LocalStack(StackConfig config) {
    this.config = config;
    this.addresses = new StackAddresses(config);
    this.files = new StackFiles(config);
    this.parts = new StackParts(config, files);
    this.health = new HealthWait(() -> stopped, config.out(), files::display);
    this.faults = new FaultControl(parts, health, config, lock);
    this.starter =
        new StackStarter(
            config, files, new ProcessCommands(config, addresses), parts, health, () -> stopped);
  }

  /** A builder with the default ports of the local stack (docs/architecture.md). */
  public static LocalStackBuilder builder() {
    return new LocalStackBuilder();
  }

  /**
   * Starts every part and waits until each is healthy.
   *
   * @throws LocalStackException naming the part that could not start (after stopping the others)
   */
  public void start() {
    synchronized (lock) {
      if (stopped || !parts.all().isEmpty()) {
        throw new IllegalStateException("a LocalStack starts once");
      }
      long began = System.nanoTime();
      files.prepareWorkDir();
      List<ServiceInstance> runnable = starter.runnableInstances(skipped);
      PortCheck.requireFree(config, runnable);
      try {
        starter.startInfrastructure(addresses);
        starter.startServices(runnable);
      } catch (RuntimeException e) {
        stopped = true;
        shutdown();
        throw e;
      }
      config
          .out()
          .accept(
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
  public Optional<ManagedProcess> firstDeadPart() {
    return stopped ? Optional.empty() : processes().stream().filter(p -> !p.isAlive()).findFirst();
  }

  /** Every running process of the stack, infrastructure first. */
  public List<ManagedProcess> processes() {
    return parts.all();
  }

  /** The services left out because their module has no runnable jar yet. */
  public List<String> skippedServices() {
    return List.copyOf(skipped);
  }

  /**
   * Starts one more gateway process named {@code name} on {@code port} (one of {@link
   * LocalStackBuilder#extraGatewayPorts}), sharing the store, issuer and services of this stack,
   * with {@code arguments} (each {@code --name=value}) in place of the usual ones of the same
   * names; waits until it is healthy. Stop it with {@link #stopPart}.
   */
  public void startGatewayInstance(String name, int port, List<String> arguments) {
    if (!config.extraGatewayPorts().contains(port)) {
      throw new IllegalArgumentException(
          "port " + port + " is not among the extra gateway ports registered with the issuer");
    }
    synchronized (lock) {
      starter.startGatewayInstance(name, port, arguments);
    }
  }

  /** Stops one part (e.g. {@code kafka}, {@code evaluation-service}) and waits until it ended. */
  public void stopPart(String name) {
    faults.stop(name);
  }

  /** Kills one part at once, like {@code kill -9}: no shutdown hooks, nothing flushed. */
  public void killPart(String name) {
    faults.kill(name);
  }

  /** Starts a stopped or killed part again with its first command line and waits for health. */
  public void restartPart(String name) {
    faults.restart(name);
  }

  // ---------------------------------------------------------------- addresses for clients

  /** The first gateway's base URL, e.g. {@code http://localhost:8080}. */
  public String gatewayUrl() {
    return addresses.gatewayUrls().get(0);
  }

  /**
   * Every gateway origin people may sign in through: each gateway instance's (the second when
   * started with replicas), then those of {@link LocalStackBuilder#extraGatewayPorts}.
   */
  public List<String> gatewayUrls() {
    return addresses.gatewayUrls();
  }

  /** The issuer ({@code iss} of the tokens), e.g. {@code http://localhost:9000}. */
  public String issuerUri() {
    return addresses.issuerUri();
  }

  /** The token endpoint. */
  public String tokenUri() {
    return addresses.tokenUri();
  }

  /** The JWK set of the issuer. */
  public String jwkSetUri() {
    return addresses.jwkSetUri();
  }

  /** Kafka's {@code bootstrap.servers}. */
  public String kafkaBootstrapServers() {
    return addresses.kafkaBootstrap();
  }

  /**
   * Settings of a Kafka client logging in as {@code principal} ({@value KafkaCredentials#ADMIN} or
   * a service), {@code bootstrap.servers} included; available once {@link #start()} began.
   */
  public Map<String, Object> kafkaClientProperties(String principal) {
    Map<String, Object> props =
        new LinkedHashMap<>(starter.kafkaCredentials().clientProperties(principal));
    props.put("bootstrap.servers", kafkaBootstrapServers());
    return props;
  }

  /** A MongoDB connection string for {@code database}. */
  public String mongoUri(String database) {
    return addresses.mongoUri(database);
  }

  /** The SMTP port. */
  public int smtpPort() {
    return addresses.smtpPort();
  }

  /** Where received mail is listed as JSON. */
  public String mailMessagesUrl() {
    return addresses.mailMessagesUrl();
  }

  /** The base URL of a service's first instance, e.g. {@code http://127.0.0.1:8081}. */
  public String serviceUrl(String name) {
    return addresses.first(name).url();
  }

  /** The port of a service's first instance. */
  public int servicePort(String name) {
    return addresses.first(name).port();
  }

  /**
   * The part names of every instance of a service, first one first ({@code checklist-service},
   * {@code checklist-service-2} ...), as {@link #killPart} and {@link #restartPart} take them.
   */
  public List<String> instanceNames(String service) {
    return config.instancesOf(service).stream().map(ServiceInstance::name).toList();
  }

  /** The base URLs of every instance of a service, first one first. */
  public List<String> serviceUrls(String service) {
    return addresses.instanceUrls(service);
  }

  private void shutdown() {
    if (!closed) {
      closed = true;
      parts.stopAll();
    }
  }
}
