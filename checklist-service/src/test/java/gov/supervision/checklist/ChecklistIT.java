package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.checklist.warning.UnitWarningDocument;
import gov.supervision.testsupport.MutableClock;
import gov.supervision.testsupport.SuiteIT;
import gov.supervision.testsupport.TestClockConfiguration;
import gov.supervision.testsupport.TestTokens;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one base of this module's integration tests: one Spring context (same properties, same
 * overrides) on the shared embedded Kafka and Mongo, a movable clock and a small HTTP helper.
 */
@Import(TestClockConfiguration.class)
public abstract class ChecklistIT extends SuiteIT {

  /** The day every test starts on. */
  public static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  @LocalServerPort protected int port;
  @Autowired protected MutableClock clock;
  @Autowired protected JsonMapper json;
  @Autowired private MongoTemplate mongoTemplate;

  protected static final String INSPECTOR = TestTokens.inspector();
  protected static final String LEAD_FGW = TestTokens.leadFgw();
  protected static final String LEAD_JW = TestTokens.leadJw();
  protected static final String ADMIN = TestTokens.admin();
  protected static final String AUDITOR = TestTokens.auditor();
  protected static final String HR = TestTokens.hr();
  protected static final String EVALUATOR = TestTokens.evaluator();

  @BeforeEach
  void resetClock() {
    moveTo(DAY);
  }

  /** Moves the clock to {@code day} at 09:00 in the service's zone; it ticks on from there. */
  protected void moveTo(LocalDate day) {
    clock.set(day.atTime(9, 0).atZone(clock.getZone()).toInstant());
  }

  /** An HTTP answer: status, headers and the JSON body (null when empty or not JSON). */
  public record Reply(int status, HttpHeaders headers, JsonNode body, byte[] raw) {
    public String text(String field) {
      return body.path(field).asString();
    }
  }

  protected RestClient http() {
    return RestClient.builder()
        .baseUrl("http://127.0.0.1:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build();
  }

  protected Reply call(HttpMethod method, String path, String token, Object body) {
    RestClient.RequestBodySpec spec = http().method(method).uri(path);
    if (token != null) {
      spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    if (body != null) {
      spec.contentType(MediaType.APPLICATION_JSON)
          .body(body instanceof String s ? s : json.writeValueAsString(body));
    }
    return spec.exchange((request, response) -> reply(response));
  }

  /** The answer read whole; its body parsed when it is JSON. */
  protected Reply reply(ClientHttpResponse response) throws IOException {
    byte[] raw = response.getBody().readAllBytes();
    JsonNode node = null;
    MediaType type = response.getHeaders().getContentType();
    if (raw.length > 0 && type != null && type.getSubtype().contains("json")) {
      node = json.readTree(raw);
    }
    return new Reply(response.getStatusCode().value(), response.getHeaders(), node, raw);
  }

  protected Reply get(String path, String token) {
    return call(HttpMethod.GET, path, token, null);
  }

  protected Reply post(String path, String token, Object body) {
    return call(HttpMethod.POST, path, token, body);
  }

  /** A fresh unit code, so tests do not share early-warning counts. */
  protected static String freshUnit() {
    StringBuilder code = new StringBuilder("T");
    for (int i = 0; i < 6; i++) {
      code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    return code.toString();
  }

  /** A checklist for a fresh scope, as the inspector; returns its id. */
  protected String newChecklist() {
    Reply reply =
        post(
            "/api/checklists",
            INSPECTOR,
            Map.of("year", 2026, "scope", freshUnit(), "title", "2026年度政治监督重点事项清单"));
    if (reply.status() != 201) {
      throw new IllegalStateException("create checklist: " + reply.status() + " " + reply.body());
    }
    return reply.text("id");
  }

  protected Map<String, Object> item(String unit, LocalDate dueDate) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("focusArea", "CENTRAL_DIRECTIVES");
    item.put("content", "贯彻落实党中央重大决策部署情况");
    item.put("requirements", "每月报告进展");
    item.put("responsibleUnit", unit);
    item.put("responsiblePerson", "cadre-" + unit.toLowerCase());
    item.put("method", "SPECIAL_INSPECTION");
    item.put("dueDate", dueDate.toString());
    return item;
  }

  /** Adds an item to a checklist; returns the item id. */
  protected String addItem(String checklistId, String unit, LocalDate dueDate) {
    Reply reply = post("/api/checklists/" + checklistId + "/items", INSPECTOR, item(unit, dueDate));
    if (reply.status() != 201) {
      throw new IllegalStateException("add item: " + reply.status() + " " + reply.body());
    }
    return reply.text("id");
  }

  protected void publish(String checklistId) {
    Reply reply = post("/api/checklists/" + checklistId + "/publish", INSPECTOR, null);
    if (reply.status() != 200) {
      throw new IllegalStateException("publish: " + reply.status() + " " + reply.body());
    }
  }

  /** A published item of {@code unit} due on {@code dueDate}; returns the item id. */
  protected String publishedItem(String unit, LocalDate dueDate) {
    String checklist = newChecklist();
    String id = addItem(checklist, unit, dueDate);
    publish(checklist);
    return id;
  }

  /** A finding raised by the inspector on an item; returns the finding id. */
  protected String raiseFinding(String itemId, String severity, LocalDate rectifyBy) {
    Reply reply =
        post(
            "/api/items/" + itemId + "/findings",
            INSPECTOR,
            Map.of(
                "description", "整改台账不完整", "severity", severity, "rectifyBy", rectifyBy.toString()));
    if (reply.status() != 201) {
      throw new IllegalStateException("raise finding: " + reply.status() + " " + reply.body());
    }
    return reply.text("id");
  }

  protected Reply transition(String itemId, String to, String note) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("to", to);
    if (note != null) {
      body.put("note", note);
    }
    return post("/api/items/" + itemId + "/transitions", INSPECTOR, body);
  }

  /**
   * A hidden thing is answered exactly as a made-up id is: 404 problem of the same type and title.
   */
  protected static void assertNotFound(Reply hidden, Reply unknown, String slug) {
    for (Reply reply : List.of(hidden, unknown)) {
      assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(404);
      assertThat(reply.headers().getContentType().toString())
          .startsWith("application/problem+json");
      assertThat(reply.text("type")).isEqualTo("urn:supervision:problem:" + slug);
    }
    assertThat(hidden.text("title")).isEqualTo(unknown.text("title"));
  }

  /** How many vetoed cadres the unit's early warning counts now. */
  protected int vetoedCadres(String unit) {
    return get("/api/units/" + unit + "/early-warning", INSPECTOR)
        .body()
        .path("indicators")
        .path("vetoedCadres")
        .asInt();
  }

  /**
   * Whether the evaluation event with this id has been applied to the unit's early-warning state
   * (its id recorded in the unit's document, in the same write as the change).
   */
  protected boolean appliedTo(String unit, String eventId) {
    return mongoTemplate.exists(
        new Query(Criteria.where("_id").is(unit).and("appliedEvents").is(eventId)),
        UnitWarningDocument.COLLECTION);
  }

  protected static Clock unused() {
    return null;
  }
}
