package gov.supervision.evaluation.accesslog;

import gov.supervision.evaluation.accesslog.AccessLogCheckpoints.Checkpoint;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * What the witness (notification-service) kept of the checkpoints: asked by {@code verify} over
 * HTTP with the auditor's own token ({@code GET /api/notifications/witness/checkpoints}, AUDITOR),
 * so that what is compared never passes through this service's database.
 */
public class Witness {

  static final int PAGE_SIZE = 500;
  static final int MAX_PAGES = 200;

  private final RestClient http;

  public Witness(AccessLogProperties.Witness properties) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .build());
    requests.setReadTimeout(properties.timeout());
    this.http =
        RestClient.builder().baseUrl(properties.url().toString()).requestFactory(requests).build();
  }

  /** The witness's answer: its checkpoints, or why there are none to compare with. */
  public record Answer(boolean reached, List<Checkpoint> checkpoints, String problem) {

    static Answer unavailable(String why) {
      return new Answer(false, List.of(), why);
    }
  }

  /** Every checkpoint the witness holds, read with the caller's bearer token. */
  public Answer checkpoints(String bearerToken) {
    if (bearerToken == null) {
      return Answer.unavailable("no token to ask the witness with");
    }
    List<Checkpoint> all = new ArrayList<>();
    try {
      for (int page = 0; page < MAX_PAGES; page++) {
        JsonNode body =
            http.get()
                .uri(
                    "/api/notifications/witness/checkpoints?page={page}&size={size}",
                    page,
                    PAGE_SIZE)
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
      return new Answer(true, List.copyOf(all), null);
    } catch (RestClientException | IllegalArgumentException | java.time.DateTimeException e) {
      return Answer.unavailable("witness not reached: " + e.getClass().getSimpleName());
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asString() : null;
  }
}
