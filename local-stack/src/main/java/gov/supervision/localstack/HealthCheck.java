package gov.supervision.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Tells whether a started part of the local stack is ready; polled until it is or time runs out.
 */
@FunctionalInterface
public interface HealthCheck {

  /** True once the part answers as expected; false (or an exception) while it does not yet. */
  boolean ready() throws Exception;

  /** Ready when {@code 127.0.0.1:port} accepts TCP connections. */
  static HealthCheck tcp(int port) {
    return () -> Ports.isOpen(port);
  }

  /** Ready when a GET of {@code url} answers 200 and its body contains {@code expected}. */
  static HealthCheck http(String url, String expected) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
    return () -> {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          && (expected == null || response.body().contains(expected));
    };
  }

  /**
   * Ready when the broker on {@code 127.0.0.1:port} lets a client with {@code login} (its SASL
   * settings) in and answers a metadata request that lists every topic in {@code topics}.
   */
  static HealthCheck kafka(int port, Map<String, Object> login, Set<String> topics) {
    return () -> {
      if (!Ports.isOpen(port)) {
        return false;
      }
      Map<String, Object> config = new java.util.HashMap<>(login);
      config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
      config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
      config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
      try (Admin admin = Admin.create(config)) {
        return admin.listTopics().names().get(4, TimeUnit.SECONDS).containsAll(topics);
      }
    };
  }
}
