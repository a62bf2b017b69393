package gov.supervision.checklist.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lights and the scheduled scan.
 *
 * @param yellowWindow how long before the due date an item turns yellow (default 7 days)
 * @param scanInterval how often the scan recomputes lights, reports and early warnings
 * @param scanInitialDelay delay of the first scan after start
 * @param reportLead how long before a reporting period ends ReportDue is raised
 */
@ConfigurationProperties("supervision.lights")
public record LightProperties(
    @DefaultValue("7d") Duration yellowWindow,
    @DefaultValue("60s") Duration scanInterval,
    @DefaultValue("30s") Duration scanInitialDelay,
    @DefaultValue("7d") Duration reportLead) {}
