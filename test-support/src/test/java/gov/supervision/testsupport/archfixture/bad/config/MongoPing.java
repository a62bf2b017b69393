package gov.supervision.testsupport.archfixture.bad.config;

/** A custom health indicator beside Spring Boot's own (never run). */
public class MongoPing implements PingHealthIndicator {

  @Override
  public boolean up() {
    return true;
  }
}
