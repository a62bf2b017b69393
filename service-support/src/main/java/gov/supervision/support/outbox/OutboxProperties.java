package gov.supervision.support.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the relay looks and how it publishes.
 *
 * @param collections the collections whose documents carry an {@code outbox} field
 * @param source the CloudEvents {@code ce_source}, e.g. {@code /checklist-service}
 * @param sweepInterval how often the relay looks without being woken
 * @param sendTimeout how long one send may wait for the broker's acknowledgement
 * @param sentLogRetention how long ids of sent events are remembered against resending
 */
@ConfigurationProperties("supervision.outbox")
public record OutboxProperties(
    @DefaultValue List<String> collections,
    @DefaultValue("/supervision") String source,
    @DefaultValue("1s") Duration sweepInterval,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("7d") Duration sentLogRetention) {}
