package gov.supervision.support.time;

import gov.supervision.support.lease.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The injected {@link Clock} (zone {@code supervision.time-zone}, default Asia/Shanghai, ticking in
 * whole milliseconds) that every deadline, light and reminder reads, and the lease store built on
 * it.
 */
@AutoConfiguration
public class SupportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock(@Value("${supervision.time-zone:Asia/Shanghai}") ZoneId zone) {
    // whole milliseconds, as MongoDB stores times: what a change answers reads back the same later
    return Clock.tick(Clock.system(zone), Duration.ofMillis(1));
  }

  @Bean
  Leases leases(MongoTemplate mongo, Clock clock) {
    return new Leases(mongo, clock);
  }
}
