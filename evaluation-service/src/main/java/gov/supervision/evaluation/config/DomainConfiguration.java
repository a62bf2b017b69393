package gov.supervision.evaluation.config;

import gov.supervision.evaluation.domain.VetoRule;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's settings, and the veto rule on the injected clock and the configured windows. */
@Configuration
@EnableConfigurationProperties({
  VetoProperties.class,
  DossierProperties.class,
  AccessLogProperties.class,
  ReadingAlertProperties.class
})
class DomainConfiguration {

  @Bean
  VetoRule vetoRule(VetoProperties properties, Clock clock) {
    return new VetoRule(properties.windows(), clock);
  }
}
