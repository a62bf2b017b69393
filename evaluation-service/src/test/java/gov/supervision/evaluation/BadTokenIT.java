package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ResponseEntity;

/**
 * A token signed with the trusted key is still refused when it is not for this suite: another
 * audience, no expiry, another issuer or past its expiry is 401 problem+json, here on the auditors'
 * list of checkpoints with the AUDITOR role in every token.
 */
class BadTokenIT extends EvaluationIT {

  private static final String PATH = "/api/access-log/checkpoints";

  static Stream<Arguments> badTokens() {
    return TestTokens.notForThisSuite("auditor", "AUDITOR").entrySet().stream()
        .map(bad -> Arguments.of(bad.getKey(), bad.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void aTokenNotForThisSuiteIs401Problem(String what, String token) {
    ResponseEntity<String> refused = get(PATH, token);
    assertProblem(refused, 401, null);
    assertThat(body(refused).get("status").asInt()).isEqualTo(401);
    assertThat(refused.getBody()).doesNotContain("checkpoints\":").doesNotContain("Exception");
  }

  @Test
  void theSameAuditorWithAGoodTokenReads() {
    assertThat(get(PATH, TestTokens.auditor()).getStatusCode().value()).isEqualTo(200);
  }
}
