package gov.supervision.checklist.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The time rules an item is judged by: the injected clock and the yellow window (default 7 days).
 */
public record Deadlines(Clock clock, long yellowWindowDays) {

  /** Deadlines with the default yellow window of 7 days. */
  public static Deadlines of(Clock clock) {
    return new Deadlines(clock, 7);
  }

  public Instant now() {
    return clock.instant();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The light of an item due on {@code dueDate}; null when closed. */
  public Light lightOf(LocalDate dueDate, boolean closed) {
    return Light.of(dueDate, today(), yellowWindowDays, closed);
  }
}
