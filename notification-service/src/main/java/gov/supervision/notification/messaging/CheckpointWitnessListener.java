package gov.supervision.notification.messaging;

import gov.supervision.contracts.Topics;
import gov.supervision.contracts.accesslog.AccessLogCheckpointed;
import gov.supervision.notification.witness.WitnessedCheckpointStore;
import gov.supervision.support.messaging.CloudEventReader;
import gov.supervision.support.messaging.IncomingEvent;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every checkpoint evaluation-service publishes on {@code evaluation.access-log.v1},
 * idempotent by {@code seq}. One that claims another source never gets here: the {@link
 * CloudEventReader} dead-letters it.
 */
@Component
class CheckpointWitnessListener {

  static final String ID = "access-log-witness";

  private final CloudEventReader reader;
  private final WitnessedCheckpointStore checkpoints;

  CheckpointWitnessListener(CloudEventReader reader, WitnessedCheckpointStore checkpoints) {
    this.reader = reader;
    this.checkpoints = checkpoints;
  }

  @KafkaListener(id = ID, groupId = "notification-service", topics = Topics.ACCESS_LOG)
  void on(ConsumerRecord<String, String> record) {
    Optional<IncomingEvent> read = reader.read(record);
    if (read.isPresent() && read.get().data() instanceof AccessLogCheckpointed checkpoint) {
      checkpoints.keep(checkpoint, read.get().id());
    }
  }
}
