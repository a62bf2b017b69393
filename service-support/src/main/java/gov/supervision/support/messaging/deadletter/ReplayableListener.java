package gov.supervision.support.messaging.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A service's event listener whose dead letters the administrator may replay: the replay hands it
 * each record its consumer group parked, as the record first arrived (original topic, key, value
 * and CloudEvents headers). It must be idempotent by {@code ce_id}, as every consumer is; a record
 * it throws on again is parked again. A bean of this type switches the replay on ({@link
 * DeadLetterAutoConfiguration}).
 */
public interface ReplayableListener {

  /** Handles one record; throws when it cannot (the replay parks it again). */
  void on(ConsumerRecord<String, String> record);
}
