package gov.supervision.evaluation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for notification-service's witness endpoint ({@code GET
 * /api/notifications/witness/checkpoints}, AUDITOR) in this module's tests: it serves exactly the
 * checkpoint events a test took from the real topic, newest first, and only to a caller with a
 * bearer token. notification-service's own tests cover the real witness.
 */
public final class WitnessStub {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static volatile WitnessStub instance;

  private final HttpServer server;
  private final List<JsonNode> kept = new ArrayList<>();
  private volatile boolean down;

  private WitnessStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/api/notifications/witness/checkpoints",
        exchange -> {
          int status;
          String body;
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          if (down) {
            status = 503;
            body = "{}";
          } else if (auth == null || !auth.startsWith("Bearer ")) {
            status = 401;
            body = "{}";
          } else {
            status = 200;
            body = page(exchange.getRequestURI().getQuery());
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** The stub of this test JVM, started on first use. */
  public static WitnessStub get() {
    if (instance == null) {
      synchronized (WitnessStub.class) {
        if (instance == null) {
          instance = new WitnessStub();
        }
      }
    }
    return instance;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Keeps a checkpoint event's data as read from the topic. */
  public synchronized void keep(String eventJson) {
    kept.add(JSON.readTree(eventJson));
  }

  /** Forgets everything and answers again. */
  public synchronized void reset() {
    kept.clear();
    down = false;
  }

  public void down(boolean value) {
    down = value;
  }

  private synchronized String page(String query) {
    boolean first = query == null || !query.contains("page=") || query.contains("page=0");
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode content = answer.putArray("content");
    if (first) {
      kept.stream()
          .sorted(Comparator.comparingLong((JsonNode n) -> n.get("seq").asLong()).reversed())
          .forEach(content::add);
    }
    answer.put("totalElements", kept.size());
    return JSON.writeValueAsString(answer);
  }
}
