package gov.supervision.evaluation.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When reading of personnel files is unusual enough to alert the auditors.
 *
 * @param window the length of a counting window (windows are aligned to the epoch: with 1h, each
 *     clock hour in UTC)
 * @param maxReads more reads than this by one person in a window raise {@code READ_VOLUME}
 * @param maxRefused more refused reads (400/403/404) than this by one person in a window raise
 *     {@code REFUSED_READS}
 */
@ConfigurationProperties("supervision.access-log.alerts")
public record ReadingAlertProperties(
    @DefaultValue("1h") Duration window,
    @DefaultValue("30") int maxReads,
    @DefaultValue("5") int maxRefused) {}
