package gov.supervision.evaluation.accesslog;

import gov.supervision.support.outbox.OutboxEvents;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The access log and the watch over unusual reading. */
@Configuration
@EnableConfigurationProperties(ReadingAlertProperties.class)
class AccessLogConfiguration {

  @Bean
  AccessLog accessLog(
      MongoTemplate mongo,
      Clock clock,
      @Value("${supervision.access-log.gap-timeout:2s}") Duration gapTimeout) {
    return new AccessLog(mongo, clock, gapTimeout);
  }

  @Bean
  ReadingWatch readingWatch(
      MongoTemplate mongo,
      OutboxEvents outboxEvents,
      ReadingAlertProperties properties,
      Clock clock) {
    return new ReadingWatch(mongo, outboxEvents, properties, clock);
  }
}
