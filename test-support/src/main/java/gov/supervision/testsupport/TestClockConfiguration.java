package gov.supervision.testsupport;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A ticking {@link MutableClock} in the service's zone ({@code supervision.time-zone}, default
 * Asia/Shanghai) in place of the support module's clock: import it in an IT base and autowire
 * {@link MutableClock} to move the service's time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

  @Bean
  @Primary
  MutableClock mutableClock(@Value("${supervision.time-zone:Asia/Shanghai}") ZoneId zone) {
    return MutableClock.ticking(zone);
  }
}
