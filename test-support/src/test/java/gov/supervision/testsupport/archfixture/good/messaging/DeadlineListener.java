package gov.supervision.testsupport.archfixture.good.messaging;

import gov.supervision.testsupport.archfixture.good.config.DeadlineProperties;
import org.springframework.kafka.annotation.KafkaListener;

/** A listener where listeners live, set up with typed properties (never run). */
public class DeadlineListener {

  private final DeadlineProperties properties;

  public DeadlineListener(DeadlineProperties properties) {
    this.properties = properties;
  }

  @KafkaListener(topics = "deadlines")
  public void on(String record) {
    if (record.length() > properties.maxLength()) {
      throw new IllegalArgumentException("too long");
    }
  }
}
