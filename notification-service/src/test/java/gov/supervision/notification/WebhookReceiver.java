package gov.supervision.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on a free loopback port standing in for a webhook consumer. A body containing a
 * registered marker is refused (HTTP 503) a set number of times first.
 */
public final class WebhookReceiver {

  /** One request as received, with the status it was answered with. */
  /** The secret the tests' endpoint shares with the service. */
  public static final String SECRET = "test-receiver-secret-of-at-least-32-characters";

  public record Call(String body, String timestamp, String keyId, String signature, int status) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hooks",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = 200;
          for (Map.Entry<String, AtomicInteger> failing : failures.entrySet()) {
            if (body.contains(failing.getKey()) && failing.getValue().getAndDecrement() > 0) {
              status = 503;
            }
          }
          calls.add(
              new Call(
                  body,
                  exchange.getRequestHeaders().getFirst("X-Timestamp"),
                  exchange.getRequestHeaders().getFirst("X-Signature-Key-Id"),
                  exchange.getRequestHeaders().getFirst("X-Signature"),
                  status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/supervision";
  }

  /** Refuses the next {@code times} bodies that contain {@code marker}. */
  public void failFor(String marker, int times) {
    failures.put(marker, new AtomicInteger(times));
  }

  /** Accepts bodies with {@code marker} again. */
  public void heal(String marker) {
    failures.remove(marker);
  }

  /** Every call whose body contains {@code marker}. */
  public List<Call> calls(String marker) {
    return calls.stream().filter(c -> c.body().contains(marker)).toList();
  }

  void stop() {
    server.stop(0);
  }
}
