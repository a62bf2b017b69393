package gov.supervision.checklist.warning;

import gov.supervision.checklist.store.UnitWarningStore;
import gov.supervision.contracts.Topics;
import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.contracts.evaluation.VetoLapsed;
import gov.supervision.support.messaging.CloudEventReader;
import gov.supervision.support.messaging.IncomingEvent;
import gov.supervision.support.messaging.ProcessedEvents;
import gov.supervision.support.messaging.deadletter.ReplayableListener;
import gov.supervision.support.web.RequestIdFilter;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each unit's set of vetoed cadres from evaluation-service's CadreVetoed / VetoLapsed events
 * and re-assesses the unit's early warning. Idempotent by {@code ce_id}: a processed event is
 * skipped; the set update itself is idempotent too, and the id is claimed after it, so a crash in
 * between only repeats a harmless update. The administrator's dead-letter replay hands the records
 * it parked back here ({@link ReplayableListener}).
 */
@Component
class VetoListener implements ReplayableListener {

  static final String CONSUMER = "checklist-service";
  private static final Logger log = LoggerFactory.getLogger(VetoListener.class);
  private static final Pattern UNIT = Pattern.compile("^[A-Z]{2,10}$");

  private final CloudEventReader reader;
  private final ProcessedEvents processed;
  private final UnitWarningStore units;
  private final EarlyWarnings warnings;

  VetoListener(
      CloudEventReader reader,
      ProcessedEvents processed,
      UnitWarningStore units,
      EarlyWarnings warnings) {
    this.reader = reader;
    this.processed = processed;
    this.units = units;
    this.warnings = warnings;
  }

  @KafkaListener(topics = Topics.EVALUATION)
  @Override
  public void on(ConsumerRecord<String, String> record) {
    IncomingEvent event = reader.read(record).orElse(null);
    if (event == null || processed.isProcessed(CONSUMER, event.id())) {
      return;
    }
    if (event.requestId() != null) {
      MDC.put(RequestIdFilter.MDC_KEY, event.requestId());
    }
    try {
      String unit = null;
      if (event.data() instanceof CadreVetoed vetoed
          && valid(vetoed.unit())
          && vetoed.purposes() != null) {
        unit = vetoed.unit();
        units.update(
            unit,
            d -> {
              vetoed.purposes().forEach(purpose -> d.veto(vetoed.cadreId(), purpose));
              return List.of();
            });
      } else if (event.data() instanceof VetoLapsed lapsed
          && valid(lapsed.unit())
          && lapsed.purposes() != null) {
        unit = lapsed.unit();
        units.update(
            unit,
            d -> {
              lapsed.purposes().forEach(purpose -> d.lapse(lapsed.cadreId(), purpose));
              return List.of();
            });
      }
      if (unit != null) {
        warnings.evaluate(unit);
        log.info("unit {} re-assessed after {} {}", unit, event.type(), event.id());
      }
      processed.claim(CONSUMER, event.id());
    } finally {
      MDC.remove(RequestIdFilter.MDC_KEY);
    }
  }

  private static boolean valid(String unit) {
    return unit != null && UNIT.matcher(unit).matches();
  }
}
