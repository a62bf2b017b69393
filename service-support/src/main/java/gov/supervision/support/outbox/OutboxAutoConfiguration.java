package gov.supervision.support.outbox;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outbox relay with its own idempotent, {@code acks=all} producer. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"
    })
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  @Bean
  OutboxEvents outboxEvents(
      JsonMapper json,
      Clock clock,
      ObjectProvider<Tracer> tracer,
      ObjectProvider<Propagator> propagator) {
    if (tracer.getIfUnique() == null || propagator.getIfUnique() == null) {
      return new OutboxEvents(json, clock);
    }
    return new OutboxEvents(
        json, clock, new CurrentTraceParent(tracer.getObject(), propagator.getObject()));
  }

  @Bean
  OutboxRelay outboxRelay(MongoTemplate mongo, KafkaProperties kafka, OutboxProperties properties) {
    Map<String, Object> producer = kafka.buildProducerProperties();
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
    producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    DefaultKafkaProducerFactory<String, String> factory =
        new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new StringSerializer());
    return new OutboxRelay(mongo, new KafkaTemplate<>(factory), properties);
  }

  @Bean
  OutboxCollectionsCheck outboxCollectionsCheck(
      MongoMappingContext mapping, OutboxProperties properties) {
    return new OutboxCollectionsCheck(mapping, properties.collections());
  }

  @Bean
  OutboxWakeUp outboxWakeUp(OutboxRelay relay) {
    return new OutboxWakeUp(relay);
  }
}
