package gov.supervision.checklist.config;

import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.domain.WarningPolicy;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the domain's time rules and early-warning policy from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  LightProperties.class,
  WarningProperties.class,
  AttachmentProperties.class,
  UnitProperties.class
})
class DomainConfiguration {

  @Bean
  Deadlines deadlines(Clock clock, LightProperties lights) {
    return new Deadlines(clock, lights.yellowWindow().toDays());
  }

  @Bean
  WarningPolicy warningPolicy(WarningProperties properties) {
    return properties.policy();
  }
}
