package gov.supervision.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the tests move forward; it follows real time plus an offset. */
public final class MutableClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final ZoneId zone;

  public MutableClock(ZoneId zone) {
    this.zone = zone;
  }

  /** Moves the clock forward. */
  public void advance(Duration by) {
    offset.updateAndGet(o -> o.plus(by));
  }

  /** Back to real time. */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset.get());
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }
}
