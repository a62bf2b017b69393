package gov.supervision.localstack.kafka;

import gov.supervision.localstack.support.LauncherArgs;
import gov.supervision.localstack.support.ParentWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Run as a process: {@code KafkaBroker --port=9092 --controller-port=9093
 * --data-dir=.local/kafka [--partitions=6]}; or in-process with {@link #start(Settings)}.
 */
public final class KafkaBroker implements AutoCloseable {

  /** The topics of the suite, created at start (with their dead-letter topics). */
  public static final List<String> SUITE_TOPICS =
      List.of("supervision.checklist.v1", "evaluation.cadre.v1");

  /** Partitions of each suite topic unless told otherwise: room for several consumer replicas. */
  public static final int DEFAULT_PARTITIONS = 6;

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

  private final Settings settings;
  private final KafkaRaftServer server;

  private KafkaBroker(Settings settings, KafkaRaftServer server) {
    this.settings = settings;
    this.server = server;
  }

  /**
   * Where and how the broker runs.
   *
   * @param host the listener address, normally 127.0.0.1
   * @param port the client (PLAINTEXT) port
   * @param controllerPort the KRaft controller port
   * @param dataDir the log directory root; formatted on first use
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

  /** Formats the storage if needed, starts the broker and creates the topics. */
  public static KafkaBroker start(Settings settings) throws IOException {
    Path logDir = settings.dataDir().resolve("logs");
    Files.createDirectories(logDir);
    Properties props = brokerProperties(settings, logDir);
    Path propsFile = settings.dataDir().resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(propsFile)) {
      props.store(out, "written by local-stack KafkaBroker on every start");
    }
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(propsFile);
    }
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    server.startup();
    KafkaBroker broker = new KafkaBroker(settings, server);
    try {
      broker.createTopics();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    log.info("Kafka broker ready on {}", broker.bootstrapServers());
    return broker;
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

  static Properties brokerProperties(Settings s, Path logDir) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + s.controllerPort());
    p.put(
        "listeners",
        "PLAINTEXT://"
            + s.host()
            + ":"
            + s.port()
            + ",CONTROLLER://127.0.0.1:"
            + s.controllerPort());
    p.put("advertised.listeners", "PLAINTEXT://" + s.host() + ":" + s.port());
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("auto.create.topics.enable", "true");
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

  private void createTopics() {
    List<NewTopic> wanted = new ArrayList<>();
    for (String topic : settings.topics()) {
      wanted.add(new NewTopic(topic, settings.partitions(), (short) 1));
      wanted.add(new NewTopic(topic + "-dlt", settings.partitions(), (short) 1));
    }
    if (wanted.isEmpty()) {
      return;
    }
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
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
