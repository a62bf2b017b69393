package gov.supervision.evaluation.accesslog;

import gov.supervision.evaluation.config.AccessLogProperties;
import gov.supervision.evaluation.config.ReadingAlertProperties;
import gov.supervision.support.lease.Leases;
import gov.supervision.support.outbox.OutboxEvents;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The access log, its key, checkpoints, witness and verifier, and the watch over reading. */
@Configuration
class AccessLogConfiguration {

  /** Refuses to start outside {@code local} without an injected key. */
  @Bean
  AccessLogKey accessLogKey(AccessLogProperties properties, Environment environment) {
    return AccessLogKey.load(
        properties.key(), properties.keyFile(), environment.matchesProfiles("local"));
  }

  @Bean
  AccessLogCheckpoints accessLogCheckpoints(
      MongoTemplate mongo,
      OutboxEvents outboxEvents,
      AccessLogKey key,
      Leases leases,
      Clock clock,
      AccessLogProperties properties) {
    return new AccessLogCheckpoints(
        mongo, outboxEvents, key, leases, clock, properties.checkpoints());
  }

  @Bean
  AccessLog accessLog(
      MongoTemplate mongo,
      Clock clock,
      AccessLogProperties properties,
      AccessLogKey key,
      AccessLogCheckpoints checkpoints) {
    return new AccessLog(mongo, clock, properties.gapTimeout(), key, checkpoints);
  }

  @Bean
  Witness witness(AccessLogProperties properties) {
    return new Witness(properties.witness());
  }

  @Bean
  ChainVerifier chainVerifier(
      MongoTemplate mongo,
      AccessLogKey key,
      AccessLogCheckpoints checkpoints,
      AccessLogProperties properties) {
    return new ChainVerifier(mongo, key, checkpoints, properties.gapTimeout());
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
