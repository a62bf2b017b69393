package gov.supervision.support.messaging;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the services consume: CloudEvents reading, idempotency claims, and an error handler that
 * retries a failing record a bounded number of times and then parks it on {@code <topic>-dlt}, so
 * the records behind it keep flowing; and the topics the service writes to, declared with enough
 * partitions for its replicas.
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicProperties.class)
public class MessagingAutoConfiguration {

  @Bean
  KafkaAdmin.NewTopics declaredTopics(TopicProperties topics) {
    return new KafkaAdmin.NewTopics(
        topics.declared().stream()
            .map(name -> TopicBuilder.name(name).partitions(topics.partitions()).build())
            .toArray(NewTopic[]::new));
  }

  @Bean
  CloudEventReader cloudEventReader(JsonMapper json) {
    return new CloudEventReader(json);
  }

  @Bean
  ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
    return new ProcessedEvents(mongo, clock);
  }

  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  CommonErrorHandler deadLetterErrorHandler(
      KafkaTemplate<Object, Object> template,
      @Value("${supervision.messaging.retry-max-elapsed:5s}") Duration maxElapsed) {
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxElapsedTime(maxElapsed.toMillis());
    DefaultErrorHandler handler =
        new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template), backOff);
    handler.addNotRetryableExceptions(UnreadableEventException.class);
    return handler;
  }
}
