package gov.supervision.evaluation.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.evaluation.EvaluationIT;
import gov.supervision.evaluation.domain.LinkedFinding;
import gov.supervision.testsupport.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Kept finding events are forgotten only once they are in their cadre's file. */
class FindingLinksIT extends EvaluationIT {

  @Autowired FindingLinks links;
  @Autowired CadreStore cadres;
  @Autowired MongoTemplate mongo;

  @Test
  void aKeptEventWhoseCadreIsNotThereWhenAttachingWaitsForTheRegistration() {
    String cadre = newId("kept");
    String eventId = UUID.randomUUID().toString();
    LinkedFinding raised =
        new LinkedFinding(
            "f-" + eventId, "i1", "cl1", "FGW", "政治站位不高", "MAJOR", "OPEN", null, Instant.EPOCH);
    mongo.insert(new PendingFinding(eventId, cadre, true, raised, Instant.now()));

    // an attach that finds the cadre gone (an import undone meanwhile) keeps the event
    links.attachPending(List.of(cadre));
    assertThat(mongo.count(new Query(Criteria.where("_id").is(eventId)), PendingFinding.class))
        .isEqualTo(1);

    String registered =
        body(post(
                "/api/cadres",
                TestTokens.admin(),
                Map.of("id", cadre, "name", "李四", "unit", "FGW", "position", "科长")))
            .get("id")
            .asString();

    assertThat(registered).isEqualTo(cadre);
    assertThat(cadres.load(cadre).cadre().findings()).containsExactly(raised);
    assertThat(mongo.count(new Query(Criteria.where("_id").is(eventId)), PendingFinding.class))
        .isZero();
  }
}
