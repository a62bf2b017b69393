package gov.supervision.gateway.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConsoleSecretCheckTest {

  @Test
  void outsideLocalTheDemoOrAShortSecretStopsTheStart() {
    assertThatThrownBy(() -> check("console-secret", "compose"))
        .hasMessageContaining("client-secret")
        .hasMessageContaining("not the demo secret");
    assertThatThrownBy(() -> check("short", "kubernetes")).hasMessageContaining("32");
  }

  @Test
  void theDemoSecretIsFineInLocalAndALongOneEverywhere() {
    check("console-secret", "local");
    check("k7V3q9Zr0xWmB2nT5yL8cP4sD6fH1jA0eG", "compose");
    assertThat(ConsoleSecretCheck.problem("k7V3q9Zr0xWmB2nT5yL8cP4sD6fH1jA0eG", false)).isNull();
  }

  private static void check(String secret, String profile) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profile);
    new ConsoleSecretCheck(secret, environment).afterPropertiesSet();
  }
}
