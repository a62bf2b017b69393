package gov.supervision.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One real Kafka broker and one MongoDB-compatible server per test JVM, shared by every integration
 * test. Where a Docker engine runs, {@code mongo} and {@code apache/kafka} containers are used
 * instead; {@code -Dsupervision.infra=embedded|containers|auto} forces the choice.
 */
public final class SuiteInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(SuiteInfrastructure.class);
  private static final int PARTITIONS = 3;
  private static volatile SuiteInfrastructure instance;

  private final String kafkaBootstrapServers;
  private final String mongoAddress;
  private final Runnable kafkaStop;
  private final Runnable mongoStop;

  private SuiteInfrastructure(
      String kafkaBootstrapServers, String mongoAddress, Runnable kafkaStop, Runnable mongoStop) {
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mongoAddress = mongoAddress;
    this.kafkaStop = kafkaStop;
    this.mongoStop = mongoStop;
  }

  /** The shared infrastructure, started on first use and stopped when the JVM exits. */
  public static SuiteInfrastructure get() {
    if (instance == null) {
      synchronized (SuiteInfrastructure.class) {
        if (instance == null) {
          instance = start();
          Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "suite-infra-stop"));
        }
      }
    }
    return instance;
  }

  /** {@code host:port} of the Kafka broker. */
  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  /** A MongoDB connection string for the database {@code database}. */
  public String mongoUri(String database) {
    return "mongodb://" + mongoAddress + "/" + database;
  }

  private void stop() {
    kafkaStop.run();
    mongoStop.run();
  }

  private static SuiteInfrastructure start() {
    String mode = System.getProperty("supervision.infra", "auto");
    boolean containers =
        switch (mode) {
          case "containers" -> true;
          case "embedded" -> false;
          default -> dockerAvailable();
        };
    if (containers) {
      return startContainers();
    }
    log.info(
        "No Docker engine (or -Dsupervision.infra=embedded): integration tests use the embedded"
            + " KRaft Kafka broker and the MongoDB wire-protocol server on the JVM");
    return startEmbedded();
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | Error e) {
      return false;
    }
  }

  private static SuiteInfrastructure startEmbedded() {
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
    kafka.brokerProperty("auto.create.topics.enable", "true");
    kafka.brokerProperty("num.partitions", String.valueOf(PARTITIONS));
    kafka.afterPropertiesSet();
    MongoServer mongo = new MongoServer(new HelloAwareMemoryBackend());
    mongo.bind("127.0.0.1", 0);
    InetSocketAddress address = mongo.getLocalAddress();
    return new SuiteInfrastructure(
        kafka.getBrokersAsString(),
        "127.0.0.1:" + address.getPort(),
        kafka::destroy,
        mongo::shutdownNow);
  }

  private static SuiteInfrastructure startContainers() {
    KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
    MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
    kafka.start();
    mongo.start();
    log.info("Docker engine found: integration tests use apache/kafka and mongo containers");
    String mongoAddress = mongo.getHost() + ":" + mongo.getFirstMappedPort();
    return new SuiteInfrastructure(
        kafka.getBootstrapServers(), mongoAddress, kafka::stop, mongo::stop);
  }
}
