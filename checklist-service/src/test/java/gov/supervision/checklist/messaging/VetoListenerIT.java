package gov.supervision.checklist.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.checklist.ChecklistIT;
import gov.supervision.checklist.warning.UnitWarningDocument;
import gov.supervision.contracts.Topics;
import gov.supervision.testsupport.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The veto listener applies each evaluation event to a unit exactly once: the event id is recorded
 * in the same write as the change it makes, so a redelivery - concurrent, or after the veto has
 * lapsed - writes nothing. The records are handed to the listener directly (as the broker and the
 * dead-letter replay do), so what is asserted is known to have been processed.
 */
class VetoListenerIT extends ChecklistIT {

  private static final String VETOED = "gov.supervision.cadre.vetoed.v2";
  private static final String LAPSED = "gov.supervision.cadre.veto-lapsed.v2";

  @Autowired VetoListener listener;
  @Autowired MongoTemplate mongo;

  @Test
  void aVetoRedeliveredAfterItsLapseVetoesNoMore() {
    String unit = freshUnit();
    String veto = UUID.randomUUID().toString();
    String lapse = UUID.randomUUID().toString();

    listener.on(vetoed(veto, "c1", unit));
    assertThat(vetoedCadres(unit)).isEqualTo(1);
    assertThat(level(unit)).isEqualTo("WATCH");
    long afterVeto = version(unit);

    listener.on(vetoed(veto, "c1", unit));
    assertThat(version(unit)).as("a redelivered veto writes nothing").isEqualTo(afterVeto);

    listener.on(lapsed(lapse, "c1", unit));
    assertThat(vetoedCadres(unit)).isZero();
    assertThat(level(unit)).isEqualTo("NONE");
    long afterLapse = version(unit);
    assertThat(afterLapse).isEqualTo(afterVeto + 1);

    listener.on(vetoed(veto, "c1", unit));
    listener.on(lapsed(lapse, "c1", unit));
    assertThat(vetoedCadres(unit)).as("the old veto does not veto again").isZero();
    assertThat(level(unit)).isEqualTo("NONE");
    assertThat(version(unit)).isEqualTo(afterLapse);
    assertThat(appliedEvents(unit)).containsExactly(veto, lapse);
  }

  @Test
  void aVetoDeliveredManyTimesAtOnceIsAppliedExactlyOnce() throws Exception {
    String unit = freshUnit();
    String veto = UUID.randomUUID().toString();
    int deliveries = 8;
    ExecutorService pool = Executors.newFixedThreadPool(deliveries);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < deliveries; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  listener.on(vetoed(veto, "c1", unit));
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> delivery : done) {
        delivery.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(appliedEvents(unit)).containsExactly(veto);
    assertThat(version(unit)).as("one write: the first delivery's").isZero();
    assertThat(vetoedCadres(unit)).isEqualTo(1);
    assertThat(level(unit)).isEqualTo("WATCH");

    // the unit's document still takes the next event: the lapse lowers it, silently
    String lapse = UUID.randomUUID().toString();
    listener.on(lapsed(lapse, "c1", unit));
    assertThat(appliedEvents(unit)).containsExactly(veto, lapse);
    assertThat(version(unit)).isEqualTo(1);
    assertThat(vetoedCadres(unit)).isZero();
  }

  private String level(String unit) {
    return get("/api/units/" + unit + "/early-warning", INSPECTOR).text("level");
  }

  private Document stored(String unit) {
    Document document = mongo.findById(unit, Document.class, UnitWarningDocument.COLLECTION);
    assertThat(document).as("unit %s has an early-warning document", unit).isNotNull();
    return document;
  }

  private long version(String unit) {
    return ((Number) stored(unit).get("version")).longValue();
  }

  private List<String> appliedEvents(String unit) {
    return stored(unit).getList("appliedEvents", String.class);
  }

  private static ConsumerRecord<String, String> vetoed(String ceId, String cadre, String unit) {
    return record(
        ceId,
        VETOED,
        cadre,
        "{\"cadreId\":\"%s\",\"name\":\"张三\",\"unit\":\"%s\",\"purposes\":[\"PROMOTION\"],\"reasons\":[]}"
            .formatted(cadre, unit));
  }

  private static ConsumerRecord<String, String> lapsed(String ceId, String cadre, String unit) {
    return record(
        ceId,
        LAPSED,
        cadre,
        "{\"cadreId\":\"%s\",\"name\":\"张三\",\"unit\":\"%s\",\"purposes\":[\"PROMOTION\"]}"
            .formatted(cadre, unit));
  }

  /** A record as evaluation-service publishes it on its topic. */
  private static ConsumerRecord<String, String> record(
      String ceId, String ceType, String cadre, String body) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(Topics.EVALUATION, 0, 0L, cadre, body);
    TopicProbe.cloudEvent(ceId, ceType, "/evaluation-service", cadre)
        .forEach(
            (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    return record;
  }
}
