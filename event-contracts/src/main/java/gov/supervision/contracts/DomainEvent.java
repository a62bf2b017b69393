package gov.supervision.contracts;

/**
 * A fact that happened in one of the suite's services and travels to the others over Kafka. The
 * subject is the aggregate id, used as the record key and as the CloudEvents {@code ce_subject}.
 */
public interface DomainEvent {

  /** The id of the aggregate the event is about: the Kafka key and {@code ce_subject}. */
  String subject();
}
