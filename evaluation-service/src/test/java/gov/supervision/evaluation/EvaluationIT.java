package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.MutableClock;
import gov.supervision.testsupport.SuiteIT;
import gov.supervision.testsupport.TestClockConfiguration;
import gov.supervision.testsupport.TestTokens;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one base of this module's integration tests: one Spring context (same properties, same
 * overrides) for all of them, a movable clock and small HTTP helpers.
 */
@Import(TestClockConfiguration.class)
public abstract class EvaluationIT extends SuiteIT {

  @LocalServerPort protected int port;
  @Autowired protected JsonMapper json;
  @Autowired protected MutableClock clock;
  @Autowired protected Clock injectedClock;

  private static volatile RestClient client;
  private static volatile int clientPort;

  /**
   * One client (one connection pool) for all tests of the context; errors are returned, not thrown.
   */
  protected RestClient http() {
    if (client == null || clientPort != port) {
      synchronized (EvaluationIT.class) {
        if (client == null || clientPort != port) {
          client =
              RestClient.builder()
                  .baseUrl("http://127.0.0.1:" + port)
                  .defaultStatusHandler(status -> true, (request, response) -> {})
                  .build();
          clientPort = port;
        }
      }
    }
    return client;
  }

  /**
   * verify asks the witness at two addresses, as a replicated stack gives them: first one whose
   * instance is down (a closed loopback port, {@link #DEAD_WITNESS}), then the witness stub (see
   * {@link WitnessStub}).
   */
  @DynamicPropertySource
  static void witness(DynamicPropertyRegistry registry) {
    registry.add(
        "supervision.access-log.witness.urls", () -> DEAD_WITNESS + "," + WitnessStub.get().url());
  }

  /** A loopback address nothing listens on: a port that was free and is closed again. */
  protected static final String DEAD_WITNESS = "http://127.0.0.1:" + closedPort();

  private static int closedPort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  protected static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected ResponseEntity<String> get(String path, String token) {
    return http()
        .get()
        .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .retrieve()
        .toEntity(String.class);
  }

  protected ResponseEntity<String> post(String path, String token, Object body) {
    return http()
        .post()
        .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body instanceof String s ? s : json.writeValueAsString(body))
        .retrieve()
        .toEntity(String.class);
  }

  protected ResponseEntity<String> upload(String token, String filename, byte[] content) {
    org.springframework.http.HttpHeaders partHeaders = new org.springframework.http.HttpHeaders();
    partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    org.springframework.util.LinkedMultiValueMap<String, Object> parts =
        new org.springframework.util.LinkedMultiValueMap<>();
    parts.add(
        "file",
        new org.springframework.http.HttpEntity<>(
            new ByteArrayResource(content) {
              @Override
              public String getFilename() {
                return filename;
              }
            },
            partHeaders));
    return http()
        .post()
        .uri("/api/cadres/import")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .retrieve()
        .toEntity(String.class);
  }

  /** Asserts a problem+json answer of {@code status}, naming {@code field} when not null. */
  protected void assertProblem(ResponseEntity<String> response, int status, String field) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    if (field != null) {
      assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
  }

  protected JsonNode body(ResponseEntity<String> response) {
    return json.readTree(response.getBody());
  }

  /** Registers a cadre as ADMIN and returns its id. */
  protected String registerCadre(String prefix) {
    String id = newId(prefix);
    ResponseEntity<String> created =
        post(
            "/api/cadres",
            TestTokens.admin(),
            Map.of("id", id, "name", "张三", "unit", "FGW", "position", "科长"));
    if (created.getStatusCode().value() != 201) {
      throw new IllegalStateException("could not register: " + created.getBody());
    }
    return id;
  }

  /** A valid evaluation body. */
  protected static Map<String, Object> evaluation(String date, String conclusion, int score) {
    Map<String, Object> dims = new java.util.LinkedHashMap<>();
    for (String d :
        List.of(
            "POLITICAL_JUDGMENT",
            "POLITICAL_COMPREHENSION",
            "POLITICAL_EXECUTION",
            "POLITICAL_STANCE",
            "POLITICAL_ATTITUDE",
            "POLITICAL_RESPONSIBILITY")) {
      dims.put(d, score);
    }
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("date", date);
    body.put("source", "ANNUAL_ASSESSMENT");
    body.put("dimensions", dims);
    body.put("conclusion", conclusion);
    body.put("remarks", "年度考核");
    body.put("evidence", List.of("doc-1"));
    return body;
  }

  /** Records an evaluation as EVALUATOR and returns the record id. */
  protected String recordEvaluation(String cadreId, Map<String, Object> body) {
    ResponseEntity<String> created =
        post("/api/cadres/" + cadreId + "/evaluations", TestTokens.evaluator(), body);
    if (created.getStatusCode().value() != 201) {
      throw new IllegalStateException("could not record: " + created.getBody());
    }
    return body(created).get("id").asString();
  }

  /** A review case opened by HR: its id and number. */
  protected record OpenCase(String id, String caseNo) {

    /** The query string naming this case. */
    public String query() {
      return "?caseId=" + id;
    }
  }

  /** Opens a review case of {@code kind} (PROMOTION or AWARD) as HR listing the cadres. */
  protected OpenCase openCase(String kind, String... cadres) {
    String caseNo = "审查-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> opened =
        post(
            "/api/review-cases",
            TestTokens.hr(),
            Map.of(
                "caseNo",
                caseNo,
                "kind",
                kind,
                "title",
                "2026年度干部选拔任用审查",
                "candidates",
                List.of(cadres)));
    if (opened.getStatusCode().value() != 201) {
      throw new IllegalStateException("could not open a case: " + opened.getBody());
    }
    return new OpenCase(body(opened).get("id").asString(), caseNo);
  }

  protected String today() {
    return java.time.LocalDate.now(injectedClock).toString();
  }
}
