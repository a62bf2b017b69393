package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;

/**
 * Refused file reads are limited per person (50 per minute in the tests, 20 by default): past the
 * limit they are answered 429 with {@code Retry-After}, only the first of them is logged, and
 * nobody else's reads are affected. Before, every refused read of a flood was appended to the log
 * one by one, holding up HR's reads behind it.
 */
class RefusedReadLimitIT extends EvaluationIT {

  @Autowired MongoTemplate mongo;

  @Test
  void aPersonFloodingRefusedReadsGets429AndIsLoggedOnceForIt() {
    String cadre = registerCadre("flooded");
    OpenCase reviewCase = openCase("PROMOTION", cadre);
    String path = "/api/cadres/" + cadre + "/dossier" + reviewCase.query();
    String flooder = newId("lead-flood");
    String token = TestTokens.token(flooder, "FGW", "UNIT_LEAD");
    // the limit counts per clock minute: start the flood at the start of one, so that its 60
    // requests do not straddle two windows on a slow machine
    clock.advance(Duration.ofMillis(60_000 - Math.floorMod(clock.millis(), 60_000L)));

    for (int i = 0; i < 50; i++) {
      assertThat(get(path, token).getStatusCode().value()).isEqualTo(403);
    }
    for (int i = 0; i < 10; i++) {
      ResponseEntity<String> limited = get(path, token);
      assertProblem(limited, 429, null);
      assertThat(body(limited).get("type").asString())
          .isEqualTo("urn:supervision:problem:too-many-refused-reads");
      assertThat(Long.parseLong(limited.getHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
    }

    Query byFlooder = new Query(Criteria.where("actor").is(flooder));
    assertThat(mongo.count(byFlooder, "access_log")).as("50 refusals and one 429").isEqualTo(51);
    assertThat(
            mongo.count(
                new Query(Criteria.where("actor").is(flooder).and("outcome").is(429)),
                "access_log"))
        .isEqualTo(1);

    // HR's reads are not limited, and the log is whole
    assertThat(get(path, TestTokens.hr()).getStatusCode().value()).isEqualTo(200);
    assertThat(body(get("/api/access-log/verify", TestTokens.auditor())).get("valid").asBoolean())
        .isTrue();

    // the next window gives the flooder a fresh allowance
    clock.advance(Duration.ofMinutes(1));
    assertThat(get(path, token).getStatusCode().value()).isEqualTo(403);
  }
}
