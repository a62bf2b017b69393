package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.evaluation.accesslog.AccessLog;
import gov.supervision.evaluation.accesslog.AccessLogCheckpoints;
import gov.supervision.evaluation.accesslog.AccessLogEntry;
import gov.supervision.evaluation.accesslog.Checkpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The timed checkpoint, in a context of its own whose interval is one second (the shared test
 * context signs only by hand, its interval is an hour): the head is signed by the timer alone, with
 * no further entry to trigger it, and again once the log has grown; a log that did not grow gets no
 * new checkpoint. This context is closed after the class, so its timer stops.
 */
@TestPropertySource(
    properties = {
      "supervision.access-log.checkpoints.interval=1s",
      // only the timer matters here: the shared context keeps consuming the topics
      "spring.kafka.listener.auto-startup=false"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AccessLogTimedCheckpointIT extends EvaluationIT {

  @Autowired AccessLog accessLog;
  @Autowired AccessLogCheckpoints checkpoints;
  @Autowired MongoTemplate mongo;

  @Test
  void theHeadIsSignedEveryIntervalWithoutAnotherEntryAndOnlyWhenTheLogGrew() {
    AccessLogEntry head = appendOffTheHundred();

    // nothing appended after it: the timer alone signs it within a few intervals
    Checkpoint signed = awaitCheckpointOf(head);
    assertThat(signed.headHash()).isEqualTo(head.hash());
    assertThat(signed.signature()).hasSize(64);
    assertThat(newestEntry()).as("no entry was needed to trigger it").isEqualTo(head.seq());

    // the log does not grow: three intervals later still the same newest checkpoint
    long count = checkpoints.count();
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> checkpoints.count() == count);

    // one more entry: the timer signs the new head
    AccessLogEntry next = appendOffTheHundred();
    assertThat(awaitCheckpointOf(next).headHash()).isEqualTo(next.hash());
  }

  /** Appends until the entry's number is not a multiple of 100 (those the append signs itself). */
  private AccessLogEntry appendOffTheHundred() {
    AccessLogEntry entry;
    do {
      entry =
          accessLog.append(
              new AccessLog.Read("hr", List.of("HR"), "timed-test", "timer", "dossier", 200, null));
    } while (entry.seq() % 100 == 0);
    return entry;
  }

  private Checkpoint awaitCheckpointOf(AccessLogEntry entry) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            checkpoints::newest,
            (Optional<Checkpoint> newest) ->
                newest.isPresent() && newest.get().seq() == entry.seq())
        .orElseThrow();
  }

  private long newestEntry() {
    Document newest =
        mongo.findOne(
            new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
            Document.class,
            "access_log");
    return ((Number) newest.get("_id")).longValue();
  }
}
