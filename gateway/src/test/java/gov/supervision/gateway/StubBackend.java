package gov.supervision.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in service on a free loopback port: records every request it gets and answers 200 JSON,
 * or a chosen status, after a chosen delay; can be stopped and started again on the same port.
 */
final class StubBackend {

  /** One request as the stub saw it. */
  record Seen(String method, String path, Map<String, List<String>> headers, int bodyLength) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final String name;
  private final int port;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, String> fixed = new ConcurrentHashMap<>();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "stub-" + System.identityHashCode(r));
            t.setDaemon(true);
            return t;
          });
  private volatile HttpServer server;
  private volatile Duration delay = Duration.ZERO;
  private volatile int status = 200;
  private volatile boolean hangUp;

  StubBackend(String name) {
    this.name = name;
    this.port = freePort();
    start();
  }

  /** Answers {@code body} (JSON) at exactly {@code path}. */
  StubBackend serve(String path, String body) {
    fixed.put(path, body);
    return this;
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** Back to a healthy, fast 200 and an empty record. */
  void reset() {
    delay = Duration.ZERO;
    status = 200;
    hangUp = false;
    seen.clear();
    if (server == null) {
      start();
    }
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  void status(int status) {
    this.status = status;
  }

  /** Reads each request, then closes the connection without an answer (it may have acted). */
  void hangUp() {
    this.hangUp = true;
  }

  synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      HttpServer created =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      created.setExecutor(executor);
      created.createContext("/", this::handle);
      created.start();
      server = created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getRawPath();
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            Map.copyOf(exchange.getRequestHeaders()),
            body.length));
    if (hangUp) {
      exchange.close(); // no answer sent: closing the exchange closes the connection
      return;
    }
    try {
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      String fixedBody = fixed.get(path);
      String answer =
          fixedBody != null
              ? fixedBody
              : "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}";
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(fixedBody != null ? 200 : status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the gateway gave up (timeout): nothing to answer
    } finally {
      exchange.close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
