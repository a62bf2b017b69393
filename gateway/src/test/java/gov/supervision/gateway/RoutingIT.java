package gov.supervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each public path reaches its service with the token relayed and a request id. */
class RoutingIT extends GatewayITBase {

  @ParameterizedTest
  @CsvSource({
    "/api/checklists, checklist-service",
    "/api/checklists/c1/items, checklist-service",
    "/api/items/i1, checklist-service",
    "/api/findings/f1/verification, checklist-service",
    "/api/units/FGW/early-warning, checklist-service",
    "/api/items/i1/attachments, checklist-service",
    "/api/attachments/a1, checklist-service",
    "/api/cadres/c1, evaluation-service",
    "/api/cadres/c1/dossier?caseId=case-1, evaluation-service",
    "/api/cadres/c1/dossier.pdf?caseId=case-1, evaluation-service",
    "/api/review-cases?status=OPEN, evaluation-service",
    "/api/notifications/inbox?unread=true, notification-service",
    "/api/dead-letters/checklist-service?limit=5, checklist-service",
    "/api/dead-letters/evaluation-service?limit=5, evaluation-service",
    "/api/dead-letters/notification-service?limit=5, notification-service",
  })
  void eachPathReachesItsServiceWithTokenAndRequestId(String path, String service) {
    String token = TestTokens.token("router", null, "ADMIN", "INSPECTOR");

    HttpResponse<String> response = get(path, token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"service\":\"" + service + "\"");
    StubBackend backend =
        switch (service) {
          case "checklist-service" -> CHECKLIST;
          case "evaluation-service" -> EVALUATION;
          default -> NOTIFICATION;
        };
    StubBackend.Seen seen = backend.seen().get(backend.seen().size() - 1);
    assertThat(seen.path()).isEqualTo(path);
    assertThat(seen.header("Authorization")).isEqualTo("Bearer " + token);
    assertThat(seen.header("X-Request-Id")).isNotBlank();
    assertThat(seen.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(seen.header("X-Request-Id"));
  }

  @Test
  void saneRequestIdIsKeptAndInsaneOneReplaced() {
    String token = TestTokens.token("router", null, "INSPECTOR");
    HttpResponse<String> kept =
        send(request("/api/items/i1", token).header("X-Request-Id", "abc-123.X:y_z").build());
    assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("abc-123.X:y_z");
    assertThat(CHECKLIST.seen().get(0).header("X-Request-Id")).isEqualTo("abc-123.X:y_z");

    HttpResponse<String> replaced =
        send(request("/api/items/i1", token).header("X-Request-Id", "bad id <script>").build());
    String made = replaced.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(made).matches("[A-Za-z0-9._:-]{1,64}");
    assertThat(CHECKLIST.seen().get(1).header("X-Request-Id")).isEqualTo(made);
  }
}
