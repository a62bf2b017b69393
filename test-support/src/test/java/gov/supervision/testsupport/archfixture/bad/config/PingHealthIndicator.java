package gov.supervision.testsupport.archfixture.bad.config;

/** Stands for Spring Boot's health indicator type in the fixture (never run). */
public interface PingHealthIndicator {

  boolean up();
}
