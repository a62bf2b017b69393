package gov.supervision.localstack.kafka;

import gov.supervision.contracts.TopicAccess;
import gov.supervision.localstack.support.LauncherArgs;
import gov.supervision.localstack.support.ParentWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * started from the Kafka jars. Its storage is formatted only on the first start, so topics and
 * offsets survive a restart of the local stack.
 *
 * <p>Nobody gets in anonymously: the client listener takes SASL only (without TLS, since it binds
 * to loopback): SCRAM-SHA-512 for the one principal per service ({@link KafkaCredentials}), PLAIN
 * for {@value KafkaCredentials#ADMIN}, the super user (the broker itself and the operator), whose
 * password is in the broker's own configuration; the controller listener takes the admin only.
 * KRaft's {@code StandardAuthorizer} allows only what {@link KafkaAcls} grants ({@link
 * TopicAccess}). At every start the admin sets each service's SCRAM credential from the data
 * directory's password file and makes the ACLs exactly those of the code, so a data directory
 * formatted before (or a password file made anew) is brought up to date too.
 *
 * <p>Run as a process: {@code KafkaBroker --port=9092 --controller-port=9093
 * --data-dir=.local/kafka [--partitions=6]}; or in-process with {@link #start(Settings)}. Clients
 * take their login from {@link #clientProperties} or {@link KafkaCredentials}.
 */
public final class KafkaBroker implements AutoCloseable {

  /** The event topics of the suite, created at start (with their dead-letter topics). */
  public static final List<String> SUITE_TOPICS =
      List.copyOf(new java.util.TreeSet<>(TopicAccess.SUITE.topicOwners().keySet()));

  /** Partitions of each suite topic unless told otherwise: room for several consumer replicas. */
  public static final int DEFAULT_PARTITIONS = 6;

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

  private static final String CLIENT = "CLIENT";
  private static final String CONTROLLER = "CONTROLLER";
  private static final Duration CREDENTIALS_PROPAGATION = Duration.ofSeconds(30);
  private static final int SCRAM_ITERATIONS = 8192;

  private final Settings settings;
  private final KafkaRaftServer server;
  private final KafkaCredentials credentials;

  private KafkaBroker(Settings settings, KafkaRaftServer server, KafkaCredentials credentials) {
    this.settings = settings;
    this.server = server;
    this.credentials = credentials;
  }

  /**
   * Where and how the broker runs.
   *
   * @param host the listener address, normally 127.0.0.1
   * @param port the client (SASL SCRAM-SHA-512) port
   * @param controllerPort the KRaft controller port
   * @param dataDir the log directory root, formatted on first use; also holds the principals'
   *     passwords
   * @param topics topics to create at start, each with a {@code -dlt} twin
   * @param partitions partitions of each of them; an existing topic with fewer is widened
   */
  public record Settings(
      String host,
      int port,
      int controllerPort,
      Path dataDir,
      List<String> topics,
      int partitions) {

    /** Settings for 127.0.0.1 with the suite's topics. */
    public static Settings of(int port, int controllerPort, Path dataDir) {
      return new Settings(
          "127.0.0.1", port, controllerPort, dataDir, SUITE_TOPICS, DEFAULT_PARTITIONS);
    }
  }

  /**
   * Formats the storage if needed, starts the broker, sets the principals' credentials and ACLs,
   * and creates the topics.
   */
  public static KafkaBroker start(Settings settings) throws IOException {
    Files.createDirectories(settings.dataDir());
    ownerOnlyDirectory(settings.dataDir());
    KafkaCredentials credentials = KafkaCredentials.loadOrCreate(settings.dataDir());
    Path logDir = settings.dataDir().resolve("logs");
    Files.createDirectories(logDir);
    Properties props = brokerProperties(settings, logDir, credentials);
    Path propsFile = settings.dataDir().resolve("server.properties");
    Files.deleteIfExists(propsFile);
    Files.createFile(propsFile);
    KafkaCredentials.ownerOnly(propsFile); // it holds the admin's password
    try (OutputStream out = Files.newOutputStream(propsFile)) {
      props.store(out, "written by local-stack KafkaBroker on every start");
    }
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(propsFile);
    }
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    server.startup();
    KafkaBroker broker = new KafkaBroker(settings, server, credentials);
    try {
      broker.grantAccess();
      broker.createTopics();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    log.info(
        "Kafka broker ready on {} (SASL {})",
        broker.bootstrapServers(),
        KafkaCredentials.MECHANISM);
    return broker;
  }

  /** The principals and their passwords (kept in the data directory). */
  public KafkaCredentials credentials() {
    return credentials;
  }

  /**
   * Settings of a client that logs in as {@code principal} ({@code bootstrap.servers} included).
   */
  public Map<String, Object> clientProperties(String principal) {
    Map<String, Object> props = new HashMap<>(credentials.clientProperties(principal));
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  /** The {@code bootstrap.servers} value for clients. */
  public String bootstrapServers() {
    return settings.host() + ":" + settings.port();
  }

  /** Stops the broker and waits until it has released its files. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  static Properties brokerProperties(Settings s, Path logDir, KafkaCredentials credentials) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + s.controllerPort());
    p.put(
        "listeners",
        CLIENT
            + "://"
            + s.host()
            + ":"
            + s.port()
            + ","
            + CONTROLLER
            + "://127.0.0.1:"
            + s.controllerPort());
    p.put("advertised.listeners", CLIENT + "://" + s.host() + ":" + s.port());
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", CLIENT);
    p.put(
        "listener.security.protocol.map",
        CONTROLLER
            + ":"
            + KafkaCredentials.SECURITY_PROTOCOL
            + ","
            + CLIENT
            + ":"
            + KafkaCredentials.SECURITY_PROTOCOL);
    // services: SCRAM-SHA-512 against the credentials in the cluster metadata; the admin (the
    // broker itself, the operator): PLAIN against this configuration, so it needs nothing in the
    // metadata to get in and set the services' credentials (the controller serves no such API)
    String plainAdmin = credentials.plainAdminServer();
    p.put(
        "listener.name.client.sasl.enabled.mechanisms",
        KafkaCredentials.MECHANISM + "," + KafkaCredentials.ADMIN_MECHANISM);
    p.put(
        "listener.name.client.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    p.put("listener.name.client.plain.sasl.jaas.config", plainAdmin);
    p.put("sasl.mechanism.inter.broker.protocol", KafkaCredentials.ADMIN_MECHANISM);
    p.put("listener.name.controller.sasl.enabled.mechanisms", KafkaCredentials.ADMIN_MECHANISM);
    p.put("sasl.mechanism.controller.protocol", KafkaCredentials.ADMIN_MECHANISM);
    p.put("listener.name.controller.plain.sasl.jaas.config", plainAdmin);
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("allow.everyone.if.no.acl.found", "false");
    p.put("super.users", "User:" + KafkaCredentials.ADMIN);
    p.put("log.dirs", logDir.toString());
    // topics come from TopicAccess, created by the admin; no principal may create one by writing
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", String.valueOf(s.partitions()));
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // small machine: few threads, a small log-cleaner buffer (default 128 MB of heap)
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("log.cleaner.threads", "1");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    return p;
  }

  private static void format(Path propsFile) {
    String clusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int rc;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      rc =
          StorageTool.execute(
              new String[] {"format", "-t", clusterId, "-c", propsFile.toString()}, print);
    }
    String text = output.toString(StandardCharsets.UTF_8).trim();
    if (rc != 0) {
      throw new IllegalStateException("formatting Kafka storage failed (" + rc + "): " + text);
    }
    log.info("Formatted Kafka storage, cluster id {}: {}", clusterId, text);
  }

  /**
   * Sets every service principal's SCRAM credential from the password file and makes the ACLs those
   * of the code, as the admin; waits until the broker knows the credentials.
   */
  private void grantAccess() {
    Map<String, Object> config = clientProperties(KafkaCredentials.ADMIN);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(config)) {
      List<UserScramCredentialAlteration> upserts = new ArrayList<>();
      for (String principal : credentials.services()) {
        upserts.add(
            new UserScramCredentialUpsertion(
                principal,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                credentials.password(principal)));
      }
      admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
      KafkaAcls.apply(admin, KafkaAcls.of(TopicAccess.SUITE));
      awaitCredentials(admin);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while granting Kafka access", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot set Kafka credentials or ACLs", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out setting Kafka credentials or ACLs", e);
    }
  }

  /** The credentials reach the broker through the metadata log, a moment after the controller. */
  private void awaitCredentials(Admin admin)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + CREDENTIALS_PROPAGATION.toNanos();
    while (!admin
        .describeUserScramCredentials()
        .users()
        .get(10, TimeUnit.SECONDS)
        .containsAll(credentials.services())) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the broker does not know the services' credentials yet");
      }
      Thread.sleep(100);
    }
  }

  private void createTopics() {
    List<NewTopic> wanted = new ArrayList<>();
    for (String topic : settings.topics()) {
      wanted.add(new NewTopic(topic, settings.partitions(), (short) 1));
      wanted.add(new NewTopic(topic + "-dlt", settings.partitions(), (short) 1));
    }
    if (wanted.isEmpty()) {
      return;
    }
    Map<String, Object> config = clientProperties(KafkaCredentials.ADMIN);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(config)) {
      for (var entry : admin.createTopics(wanted).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
          log.info("Created topic {}", entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
          }
        }
      }
      widenTopics(admin, wanted);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot widen the topics", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out creating topics", e);
    }
  }

  /** Topics kept from an earlier start with fewer partitions get the missing ones. */
  private void widenTopics(Admin admin, List<NewTopic> wanted)
      throws InterruptedException, ExecutionException, TimeoutException {
    var existing =
        admin
            .describeTopics(wanted.stream().map(NewTopic::name).toList())
            .allTopicNames()
            .get(30, TimeUnit.SECONDS);
    Map<String, NewPartitions> widen = new HashMap<>();
    existing.forEach(
        (name, description) -> {
          if (description.partitions().size() < settings.partitions()) {
            widen.put(name, NewPartitions.increaseTo(settings.partitions()));
          }
        });
    if (!widen.isEmpty()) {
      admin.createPartitions(widen).all().get(30, TimeUnit.SECONDS);
      log.info("Widened topics {} to {} partitions", widen.keySet(), settings.partitions());
    }
  }

  private static void ownerOnlyDirectory(Path dir) throws IOException {
    try {
      Files.setPosixFilePermissions(
          dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException notPosix) {
      // not a POSIX file system: the directory keeps the user profile's own ACLs
    }
  }

  /** Runs the broker until the JVM is asked to stop (SIGTERM, Ctrl-C). */
  public static void main(String[] args) throws Exception {
    LauncherArgs a = LauncherArgs.parse(args);
    int port = a.port("port", 9092);
    Settings settings =
        new Settings(
            a.get("host", "127.0.0.1"),
            port,
            a.port("controller-port", port + 1),
            a.dir("data-dir", ".local/kafka"),
            a.get("topics", String.join(",", SUITE_TOPICS)).isBlank()
                ? List.of()
                : List.of(a.get("topics", String.join(",", SUITE_TOPICS)).split(",")),
            Integer.parseInt(a.get("partitions", String.valueOf(DEFAULT_PARTITIONS))));
    KafkaBroker broker = start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("Stopping Kafka broker");
                  broker.close();
                  stopped.countDown();
                },
                "kafka-shutdown"));
    ParentWatch.startIfRequested();
    stopped.await();
  }
}
