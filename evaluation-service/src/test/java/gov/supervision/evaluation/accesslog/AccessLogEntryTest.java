package gov.supervision.evaluation.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLogEntryTest {

  static AccessLogEntry entry(String actor, String purpose) {
    return new AccessLogEntry(
        7,
        actor,
        List.of("HR"),
        Instant.parse("2026-06-15T01:02:03.456Z"),
        "c1",
        purpose,
        "dossier",
        200,
        null,
        null,
        null,
        null);
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    assertThat(entry("hr", "a;b").canonical()).isNotEqualTo(entry("hr;a", "b").canonical());
    assertThat(entry("hr", null).canonical()).isNotEqualTo(entry("hr", "").canonical());
  }

  @Test
  void theSealCoversTheLinkAndEveryField() {
    AccessLogEntry sealed = entry("hr", "abc").sealedAfter(AccessLogEntry.GENESIS);
    assertThat(sealed.hash()).hasSize(64).isEqualTo(sealed.expectedHash());
    assertThat(entry("hr", "abd").sealedAfter(AccessLogEntry.GENESIS).hash())
        .isNotEqualTo(sealed.hash());
    assertThat(entry("hr", "abc").sealedAfter("f".repeat(64)).hash()).isNotEqualTo(sealed.hash());
    assertThat(AccessLogEntry.from(sealed.toDocument())).isEqualTo(sealed);
  }
}
