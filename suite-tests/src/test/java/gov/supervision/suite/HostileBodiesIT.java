package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fuzz run's generator on its own (no suite needed): replayable, and as hostile as meant. */
class HostileBodiesIT {

  static List<String> bodies(long seed, int count) {
    HostileBodies bodies = new HostileBodies(seed);
    List<String> drawn = new ArrayList<>();
    IntStream.range(0, count).forEach(i -> drawn.add(bodies.next()));
    return drawn;
  }

  @Test
  void theSameSeedGivesTheSameBodies() {
    assertThat(bodies(42L, 500)).isEqualTo(bodies(42L, 500));
    assertThat(bodies(42L, 500)).isNotEqualTo(bodies(43L, 500));
  }

  @Test
  void aThousandBodiesHoldEveryKindOfHostility() {
    List<String> drawn = bodies(7L, 1_000);
    assertThat(drawn).anyMatch(b -> b.startsWith("{\"title\":{\"title\":"));
    assertThat(drawn).anyMatch(b -> b.contains("\"$where\"") || b.contains("\"$gt\""));
    assertThat(drawn).anyMatch(b -> b.contains("\"a.b\""));
    assertThat(drawn).anyMatch(b -> b.contains("x".repeat(100_000)));
    assertThat(drawn).anyMatch(b -> b.contains("null"));
    assertThat(drawn).anyMatch(b -> b.chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fa5));
    assertThat(drawn).anyMatch(b -> b.startsWith("["));
    assertThat(drawn).anyMatch(b -> !b.isEmpty() && !b.startsWith("{") && !b.startsWith("["));
    assertThat(drawn).containsAnyElementsOf(HostileBodies.BROKEN_DOCUMENTS);
  }
}
