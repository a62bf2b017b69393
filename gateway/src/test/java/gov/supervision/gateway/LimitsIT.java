package gov.supervision.gateway;

import static gov.supervision.gateway.ResilienceIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A body over 1 MiB is 413 before it reaches a service, a file upload over 21 MiB likewise; a user
 * past the rate gets 429.
 */
class LimitsIT extends GatewayITBase {

  private static final int MIB = 1024 * 1024;
  private static final int UPLOAD_LIMIT = 21 * MIB;
  private static final String MULTIPART = "multipart/form-data; boundary=limits";

  private final String token = TestTokens.token("limits", null, "INSPECTOR");

  @Test
  void declaredBodyOverOneMibIs413AndNeverReachesTheService() {
    HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(new byte[MIB + 1]));

    assertThat(response.statusCode()).isEqualTo(413);
    assertProblem(response, 413);
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    assertThat(CHECKLIST.seen()).isEmpty();
  }

  @Test
  void aClientSendingItsWholeTooLargeBodyWithoutExpectContinueReadsThe413() throws Exception {
    // as a script or a browser's fetch does: headers and body at once, the answer read afterwards
    int length = 3 * MIB;
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/checklists HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + length
                  + "\r\n\r\n")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (int sent = 0; sent < length; sent += chunk.length) {
        out.write(chunk);
      }
      out.flush();
      String answer =
          new String(
              socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);

      assertThat(answer).isEqualTo("HTTP/1.1 413");
    }
    assertThat(CHECKLIST.seen()).isEmpty();
  }

  @Test
  void streamedBodyOverOneMibIs413AndNeverReachesTheService() {
    HttpResponse<String> response = post(chunked(new byte[MIB + 1]));

    assertThat(response.statusCode()).isEqualTo(413);
    assertProblem(response, 413);
    assertThat(CHECKLIST.seen()).isEmpty();
  }

  @Test
  void bodiesUpToTheLimitGoThroughWhole() {
    assertThat(post(chunked(new byte[100])).statusCode()).isEqualTo(200);
    assertThat(post(HttpRequest.BodyPublishers.ofByteArray(new byte[MIB])).statusCode())
        .isEqualTo(200);

    assertThat(CHECKLIST.seen()).extracting(StubBackend.Seen::bodyLength).containsExactly(100, MIB);
  }

  @Test
  void uploadPathsTakeMultipartBodiesUpTo21MibAndNothingElseOverOneMib() {
    // the limit is decided before forwarding; bodies stay small here so that forwarding them fits
    // the test profile's 1.5 s time limit on a loaded machine
    assertThat(upload("/api/items/i1/attachments", MULTIPART, fixed(3 * MIB)).statusCode())
        .isEqualTo(200);
    assertThat(
            upload("/api/findings/f1/attachments", MULTIPART, chunked(new byte[2 * MIB]))
                .statusCode())
        .isEqualTo(200);
    assertThat(CHECKLIST.seen())
        .extracting(StubBackend.Seen::bodyLength)
        .containsExactly(3 * MIB, 2 * MIB);

    HttpResponse<String> tooLarge =
        upload("/api/items/i1/attachments", MULTIPART, fixed(UPLOAD_LIMIT + 1));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertProblem(tooLarge, 413);
    // JSON to an upload path, and multipart anywhere else, keep the 1 MiB limit
    assertThat(upload("/api/items/i1/attachments", "application/json", fixed(MIB + 1)).statusCode())
        .isEqualTo(413);
    assertThat(upload("/api/items/i1/progress", MULTIPART, fixed(MIB + 1)).statusCode())
        .isEqualTo(413);
    assertThat(upload("/api/items/i1/attachments/x", MULTIPART, fixed(MIB + 1)).statusCode())
        .isEqualTo(413);
    assertThat(CHECKLIST.seen()).hasSize(2);
  }

  @Test
  void userPastTheRateGets429WithRetryAfterAndOthersAreNotHeldBack() {
    String greedy = TestTokens.token("greedy", null, "INSPECTOR");
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> limited = null;
    for (int i = 0; i < 25 && limited == null; i++) {
      HttpResponse<String> response = get("/api/items", greedy);
      statuses.add(response.statusCode());
      if (response.statusCode() == 429) {
        limited = response;
      }
    }

    assertThat(statuses.subList(0, 20)).containsOnly(200);
    assertThat(limited).isNotNull();
    assertProblem(limited, 429);
    assertThat(limited.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
    assertThat(limited.headers().firstValue("X-Request-Id")).isPresent();
    assertThat(CHECKLIST.seen()).hasSize(20);

    assertThat(get("/api/items", TestTokens.token("modest", null, "INSPECTOR")).statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> post(HttpRequest.BodyPublisher body) {
    return send(
        request("/api/checklists", token)
            .header("Content-Type", "application/json")
            .POST(body)
            .build());
  }

  private HttpResponse<String> upload(
      String path, String contentType, HttpRequest.BodyPublisher body) {
    return send(request(path, token).header("Content-Type", contentType).POST(body).build());
  }

  private static HttpRequest.BodyPublisher fixed(int length) {
    return HttpRequest.BodyPublishers.ofByteArray(new byte[length]);
  }

  /** No Content-Length: the JDK client sends it chunked. */
  private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
    return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
  }
}
