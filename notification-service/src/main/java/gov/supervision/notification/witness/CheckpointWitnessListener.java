package gov.supervision.notification.witness;

import gov.supervision.contracts.Topics;
import gov.supervision.contracts.accesslog.AccessLogCheckpointed;
import gov.supervision.support.messaging.CloudEventReader;
import gov.supervision.support.messaging.IncomingEvent;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every checkpoint evaluation-service publishes on {@code evaluation.access-log.v1}; one that
 * does not come from evaluation-service is not kept. Idempotent by {@code seq}.
 */
@Component
class CheckpointWitnessListener {

  static final String ID = "access-log-witness";
  static final String PRODUCER = "/evaluation-service";
  private static final Logger log = LoggerFactory.getLogger(CheckpointWitnessListener.class);

  private final CloudEventReader reader;
  private final WitnessedCheckpoints checkpoints;

  CheckpointWitnessListener(CloudEventReader reader, WitnessedCheckpoints checkpoints) {
    this.reader = reader;
    this.checkpoints = checkpoints;
  }

  @KafkaListener(id = ID, groupId = "notification-service", topics = Topics.ACCESS_LOG)
  void on(ConsumerRecord<String, String> record) {
    Optional<IncomingEvent> read = reader.read(record);
    if (read.isEmpty() || !(read.get().data() instanceof AccessLogCheckpointed checkpoint)) {
      return;
    }
    if (!PRODUCER.equals(read.get().source())) {
      log.error(
          "access-log checkpoint {} from {} not kept: only {} publishes them",
          checkpoint.seq(),
          read.get().source(),
          PRODUCER);
      return;
    }
    checkpoints.keep(checkpoint, read.get().id());
  }
}
