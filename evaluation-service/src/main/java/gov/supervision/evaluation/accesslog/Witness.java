package gov.supervision.evaluation.accesslog;

import gov.supervision.evaluation.config.AccessLogProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * What the witness (notification-service) kept of the checkpoints: asked by {@code verify} over
 * HTTP with the auditor's own token ({@code GET /api/notifications/witness/checkpoints}, AUDITOR),
 * so that what is compared never passes through this service's database.
 *
 * <p>The witness may run as several instances sharing one database: they are asked in the
 * configured order ({@code supervision.access-log.witness.urls}), and an instance that cannot be
 * reached (refused, reset, no answer within {@code timeout}) or answers 5xx is passed over for the
 * next. An answer of 4xx (the auditor's token refused) would be the same everywhere: it ends the
 * search.
 */
public class Witness {

  static final int PAGE_SIZE = 500;
  static final int MAX_PAGES = 200;

  private static final Logger log = LoggerFactory.getLogger(Witness.class);

  private final List<Instance> instances;

  private record Instance(URI url, RestClient http) {}

  public Witness(AccessLogProperties.Witness properties) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .build());
    requests.setReadTimeout(properties.timeout());
    this.instances =
        properties.addresses().stream()
            .map(
                url ->
                    new Instance(
                        url,
                        RestClient.builder()
                            .baseUrl(url.toString())
                            .requestFactory(requests)
                            .build()))
            .toList();
  }

  /** The witness's answer: its checkpoints, or why there are none to compare with. */
  public record Answer(boolean reached, List<Checkpoint> checkpoints, String problem) {

    static Answer unavailable(String why) {
      return new Answer(false, List.of(), why);
    }
  }

  /**
   * Every checkpoint the witness holds, read with the caller's bearer token from the first instance
   * that answers.
   */
  public Answer checkpoints(String bearerToken) {
    if (bearerToken == null) {
      return Answer.unavailable("no token to ask the witness with");
    }
    List<String> failures = new ArrayList<>();
    Set<String> kinds = new LinkedHashSet<>();
    for (Instance instance : instances) {
      try {
        List<Checkpoint> checkpoints = read(instance.http(), bearerToken);
        if (!failures.isEmpty()) {
          log.warn("witness answered at {}; passed over: {}", instance.url(), failures);
        }
        return new Answer(true, checkpoints, null);
      } catch (ResourceAccessException | HttpServerErrorException e) {
        failures.add(instance.url() + " (" + e.getClass().getSimpleName() + ")");
        kinds.add(e.getClass().getSimpleName());
      } catch (RestClientException | IllegalArgumentException | java.time.DateTimeException e) {
        return Answer.unavailable("witness not reached: " + e.getClass().getSimpleName());
      }
    }
    log.warn("no witness instance answered: {}", failures);
    return Answer.unavailable("witness not reached: " + String.join(", ", kinds));
  }

  private static List<Checkpoint> read(RestClient http, String bearerToken) {
    List<Checkpoint> all = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonNode body =
          http.get()
              .uri(
                  "/api/notifications/witness/checkpoints?page={page}&size={size}", page, PAGE_SIZE)
              .header("Authorization", "Bearer " + bearerToken)
              .retrieve()
              .body(JsonNode.class);
      JsonNode content = body == null ? null : body.get("content");
      if (content == null || content.isEmpty()) {
        break;
      }
      for (JsonNode c : content) {
        all.add(
            new Checkpoint(
                c.get("seq").asLong(),
                text(c, "headHash"),
                c.hasNonNull("time") ? Instant.parse(c.get("time").asString()) : null,
                text(c, "keyId"),
                text(c, "signature")));
      }
      if (content.size() < PAGE_SIZE) {
        break;
      }
    }
    return List.copyOf(all);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asString() : null;
  }
}
