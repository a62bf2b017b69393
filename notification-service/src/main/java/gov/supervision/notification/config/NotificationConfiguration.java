package gov.supervision.notification.config;

import gov.supervision.notification.domain.EscalationPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the typed settings. */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

  @Bean
  EscalationPolicy escalationPolicy(NotificationProperties properties) {
    return new EscalationPolicy(properties.escalation().after());
  }
}
