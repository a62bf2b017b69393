package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A token signed with the trusted key is still refused when it is not for this suite: another
 * audience, no expiry, another issuer or past its expiry is 401 problem+json, here on a unit lead's
 * inbox.
 */
class BadTokenIT extends NotificationITSupport {

  private static final String PATH = "/api/notifications/inbox";

  static Stream<Arguments> badTokens() {
    return TestTokens.notForThisSuite("lead-fgw", "UNIT_LEAD").entrySet().stream()
        .map(bad -> Arguments.of(bad.getKey(), bad.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void aTokenNotForThisSuiteIs401Problem(String what, String token) {
    ResponseEntity<String> refused = inbox(token);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(401);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(json.readTree(refused.getBody()).get("status").asInt()).isEqualTo(401);
    assertThat(refused.getBody()).doesNotContain("unreadCount").doesNotContain("Exception");
  }

  @Test
  void theSameLeadWithAGoodTokenReads() {
    assertThat(inbox(TestTokens.leadFgw()).getStatusCode().value()).isEqualTo(200);
  }

  private ResponseEntity<String> inbox(String token) {
    return http()
        .get()
        .uri(PATH)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .retrieve()
        .toEntity(String.class);
  }
}
