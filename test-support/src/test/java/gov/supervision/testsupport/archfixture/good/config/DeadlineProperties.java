package gov.supervision.testsupport.archfixture.good.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings as a typed record in {@code config} (never run). */
@ConfigurationProperties("deadlines")
public record DeadlineProperties(int maxLength) {}
