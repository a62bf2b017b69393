package gov.supervision.gateway.people;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Stops the start outside the {@code local} profile when the gateway's secret at the issuer (client
 * {@code console}) is the demo one or shorter than {@value #MIN_LENGTH} characters: with it anyone
 * could act as the gateway towards the issuer and redeem people's authorization codes.
 */
@Component
class ConsoleSecretCheck implements InitializingBean {

  static final int MIN_LENGTH = 32;
  static final String DEMO_SECRET = "console-secret";

  private final String secret;
  private final boolean local;

  ConsoleSecretCheck(
      @Value("${spring.security.oauth2.client.registration.console.client-secret:}") String secret,
      Environment environment) {
    this.secret = secret;
    this.local = environment.acceptsProfiles(Profiles.of("local"));
  }

  @Override
  public void afterPropertiesSet() {
    String problem = problem(secret, local);
    if (problem != null) {
      throw new IllegalStateException(
          "spring.security.oauth2.client.registration.console.client-secret: " + problem);
    }
  }

  /** What is wrong with {@code secret}, or null. */
  static String problem(String secret, boolean local) {
    if (secret == null || secret.isBlank()) {
      return null; // no console registration: nobody signs in through this gateway
    }
    if (!local && (secret.length() < MIN_LENGTH || secret.equals(DEMO_SECRET))) {
      return "outside local at least " + MIN_LENGTH + " characters and not the demo secret";
    }
    return null;
  }
}
