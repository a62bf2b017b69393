package gov.supervision.testsupport.archfixture.bad.item;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings outside {@code config} (never run). */
@ConfigurationProperties("items")
public record ItemProperties(int pageSize) {}
