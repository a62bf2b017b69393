package gov.supervision.testsupport.archfixture.bad.item;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;

/** A Kafka listener in a feature package, set up with a loose @Value (never run). */
public class ItemListener {

  private final int maxAttempts;

  public ItemListener(@Value("${items.max-attempts:3}") int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  @KafkaListener(topics = "items")
  public void on(String record) {
    if (record.length() > maxAttempts) {
      throw new IllegalArgumentException("too long");
    }
  }
}
