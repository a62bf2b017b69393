package gov.supervision.evaluation.dossier;

import gov.supervision.evaluation.config.DossierProperties;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How many refused file reads one person gets per window ({@code
 * supervision.dossier.refused-reads.limit} per {@code .window}, 20 per minute by default). Past
 * that, a refused read is answered 429 and only the first one of the window is logged, so that a
 * flood of refused reads cannot hold up the access log for everyone else. Reads that are allowed
 * are never limited. Counted in memory per instance (each replica limits on its own).
 */
@Component
class RefusedReadLimit {

  /** What one more refused read is. */
  enum Verdict {
    WITHIN,
    FIRST_OVER,
    OVER
  }

  private static final int FORGET_ABOVE = 10_000;

  private final Clock clock;
  private final int limit;
  private final long windowMillis;
  private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

  RefusedReadLimit(Clock clock, DossierProperties properties) {
    this.clock = clock;
    this.limit = properties.refusedReads().limit();
    this.windowMillis = properties.refusedReads().window().toMillis();
  }

  /** Counts one refused read by {@code reader}. */
  Verdict refused(String reader) {
    long now = clock.millis();
    long start = now - Math.floorMod(now, windowMillis);
    if (windows.size() > FORGET_ABOVE) {
      windows.values().removeIf(w -> w[0] < start);
    }
    long[] counted =
        windows.compute(
            reader,
            (who, w) ->
                w == null || w[0] != start ? new long[] {start, 1} : new long[] {start, w[1] + 1});
    long count = counted[1];
    if (count <= limit) {
      return Verdict.WITHIN;
    }
    return count == limit + 1 ? Verdict.FIRST_OVER : Verdict.OVER;
  }

  /** Seconds until the current window ends. */
  long retryAfterSeconds() {
    long now = clock.millis();
    return Math.max(1, (windowMillis - Math.floorMod(now, windowMillis) + 999) / 1000);
  }
}
