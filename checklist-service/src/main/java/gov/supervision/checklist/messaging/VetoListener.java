package gov.supervision.checklist.messaging;

import gov.supervision.checklist.warning.EarlyWarnings;
import gov.supervision.contracts.Topics;
import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.contracts.evaluation.VetoLapsed;
import gov.supervision.support.messaging.CloudEventReader;
import gov.supervision.support.messaging.IncomingEvent;
import gov.supervision.support.messaging.deadletter.ReplayableListener;
import gov.supervision.support.web.RequestIdFilter;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each unit's set of vetoed cadres from evaluation-service's CadreVetoed / VetoLapsed events
 * and re-assesses the unit's early warning. Idempotent by {@code ce_id}: the unit's early-warning
 * document records the event id in the same write as the change it makes (insert-first, atomic), so
 * a redelivered event - even a veto redelivered after its lapse - changes nothing. The
 * administrator's dead-letter replay hands the records it parked back here ({@link
 * ReplayableListener}).
 */
@Component
class VetoListener implements ReplayableListener {

  private static final Logger log = LoggerFactory.getLogger(VetoListener.class);
  private static final Pattern UNIT = Pattern.compile("^[A-Z]{2,10}$");

  private final CloudEventReader reader;
  private final EarlyWarnings warnings;

  VetoListener(CloudEventReader reader, EarlyWarnings warnings) {
    this.reader = reader;
    this.warnings = warnings;
  }

  @KafkaListener(topics = Topics.EVALUATION)
  @Override
  public void on(ConsumerRecord<String, String> record) {
    IncomingEvent event = reader.read(record).orElse(null);
    if (event == null) {
      return;
    }
    if (event.requestId() != null) {
      MDC.put(RequestIdFilter.MDC_KEY, event.requestId());
    }
    try {
      String unit = null;
      boolean applied = false;
      if (event.data() instanceof CadreVetoed vetoed
          && valid(vetoed.unit())
          && vetoed.purposes() != null) {
        unit = vetoed.unit();
        applied = warnings.vetoed(event.id(), unit, vetoed.cadreId(), vetoed.purposes());
      } else if (event.data() instanceof VetoLapsed lapsed
          && valid(lapsed.unit())
          && lapsed.purposes() != null) {
        unit = lapsed.unit();
        applied = warnings.lapsed(event.id(), unit, lapsed.cadreId(), lapsed.purposes());
      }
      if (applied) {
        log.info("unit {} re-assessed after {} {}", unit, event.type(), event.id());
      } else if (unit != null) {
        log.info("{} {} was applied to unit {} before; skipped", event.type(), event.id(), unit);
      }
    } finally {
      MDC.remove(RequestIdFilter.MDC_KEY);
    }
  }

  private static boolean valid(String unit) {
    return unit != null && UNIT.matcher(unit).matches();
  }
}
