package gov.supervision.notification.config;

import gov.supervision.contracts.Topics;
import gov.supervision.notification.domain.EscalationPolicy;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Wires the typed settings and declares the dead-letter topics this service writes to. */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

  @Bean
  EscalationPolicy escalationPolicy(NotificationProperties properties) {
    return new EscalationPolicy(properties.escalation().after());
  }

  @Bean
  NewTopic checklistDeadLetters(NotificationProperties properties) {
    return TopicBuilder.name(Topics.CHECKLIST + "-dlt")
        .partitions(properties.deadLetterPartitions())
        .build();
  }

  @Bean
  NewTopic evaluationDeadLetters(NotificationProperties properties) {
    return TopicBuilder.name(Topics.EVALUATION + "-dlt")
        .partitions(properties.deadLetterPartitions())
        .build();
  }
}
