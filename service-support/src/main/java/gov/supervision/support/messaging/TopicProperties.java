package gov.supervision.support.messaging;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics a service writes to and declares at start: its own event topic and the dead-letter
 * topics of what it consumes. A topic that exists with fewer partitions is widened; replication is
 * the broker's default. Where topics are managed outside the service (a Kafka operator), {@code
 * spring.kafka.admin.auto-create=false} turns the declaration off.
 *
 * @param partitions partitions of every declared topic: the most consumers of one group that can
 *     work at once (instances × listener concurrency); a dead-letter topic needs at least as many
 *     as its source, since a parked record keeps its partition number
 * @param declared the names of the topics to declare
 */
@ConfigurationProperties("supervision.topics")
public record TopicProperties(
    @DefaultValue("6") int partitions, @DefaultValue List<String> declared) {

  public TopicProperties {
    if (partitions < 1) {
      throw new IllegalArgumentException("supervision.topics.partitions must be at least 1");
    }
    declared = List.copyOf(declared);
  }
}
