package gov.supervision.notification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * 三色督办: an item red for {@code after} reaches step 1, red for twice that reaches step 2 (the last
 * step).
 */
public record EscalationPolicy(Duration after) {

  public EscalationPolicy {
    if (after == null || after.isNegative() || after.isZero()) {
      throw new IllegalArgumentException("escalation delay must be positive");
    }
  }

  /** The highest step an item red since {@code redSince} has reached at {@code now} (0..2). */
  public int stepAt(Instant redSince, Instant now) {
    Duration red = Duration.between(redSince, now);
    if (red.compareTo(after.multipliedBy(2)) >= 0) {
      return 2;
    }
    return red.compareTo(after) >= 0 ? 1 : 0;
  }
}
