package gov.supervision.evaluation.accesslog;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The access log bean. */
@Configuration
class AccessLogConfiguration {

  @Bean
  AccessLog accessLog(
      MongoTemplate mongo,
      Clock clock,
      @Value("${supervision.access-log.gap-timeout:2s}") Duration gapTimeout) {
    return new AccessLog(mongo, clock, gapTimeout);
  }
}
