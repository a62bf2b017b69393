package gov.supervision.support.messaging.deadletter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The dead-letter replay and its ADMIN endpoints, for a service with a {@link ReplayableListener}:
 * the service is {@code spring.application.name}, the topics whose dead letters it replays come
 * from {@code TopicAccess.SUITE} (which also grants its principal the reads this needs).
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnBean(ReplayableListener.class)
public class DeadLetterAutoConfiguration {

  @Bean
  DeadLetterReplay deadLetterReplay(
      @Value("${spring.application.name}") String service,
      KafkaProperties kafka,
      KafkaTemplate<Object, Object> template,
      ReplayableListener listener) {
    return new DeadLetterReplay(service, kafka, template, listener);
  }

  @Bean
  DeadLetterController deadLetterController(DeadLetterReplay replay) {
    return new DeadLetterController(replay);
  }
}
