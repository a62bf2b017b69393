package gov.supervision.localstack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import gov.supervision.localstack.support.LauncherArgs;
import gov.supervision.localstack.support.ParentWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB wire-protocol server of the local stack ({@code de.bwaldvogel} mongo-java-server)
 * with the file-backed H2 backend, so data survives a restart; it also answers {@code hello}. The
 * H2 file is closed on {@link #close()} and on SIGTERM; only one server may open it at a time.
 *
 * <p>Run as a process: {@code MongoStore --port=27017 --data-dir=.local/mongo}; or in-process with
 * {@link #start(String, int, Path)}.
 */
public final class MongoStore implements AutoCloseable {

  /** The H2 file name inside the data directory. */
  public static final String FILE_NAME = "supervision.mv";

  private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

  private final MongoServer server;
  private final H2Backend backend;
  private final String host;
  private final int port;
  private boolean closed;

  private MongoStore(MongoServer server, H2Backend backend, String host, int port) {
    this.server = server;
    this.backend = backend;
    this.host = host;
    this.port = port;
  }

  /** Opens (or creates) the store under {@code dataDir} and listens on {@code host:port}. */
  public static MongoStore start(String host, int port, Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE_NAME);
    H2Backend backend = new HelloAwareH2Backend(file.toString());
    MongoServer server = new MongoServer(backend);
    try {
      server.bind(host, port);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    log.info("MongoDB-compatible store ready on {}:{} (H2 file {})", host, port, file);
    return new MongoStore(server, backend, host, port);
  }

  /** A connection string for {@code database}. */
  public String uri(String database) {
    return "mongodb://" + host + ":" + port + "/" + database;
  }

  /** Stops listening and closes the H2 file. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    backend.close();
    log.info("MongoDB-compatible store stopped, H2 file closed");
  }

  /** Runs the store until the JVM is asked to stop (SIGTERM, Ctrl-C). */
  public static void main(String[] args) throws Exception {
    LauncherArgs a = LauncherArgs.parse(args);
    MongoStore store =
        start(a.get("host", "127.0.0.1"), a.port("port", 27017), a.dir("data-dir", ".local/mongo"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  store.close();
                  stopped.countDown();
                },
                "mongo-shutdown"));
    ParentWatch.startIfRequested();
    stopped.await();
  }
}
