package gov.supervision.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock plus an offset that tests move forward (never back). */
public final class MutableClock extends Clock {

  private final ZoneId zone;
  private final AtomicReference<Duration> offset;

  public MutableClock(ZoneId zone) {
    this(zone, new AtomicReference<>(Duration.ZERO));
  }

  private MutableClock(ZoneId zone, AtomicReference<Duration> offset) {
    this.zone = zone;
    this.offset = offset;
  }

  /** Moves the clock forward. */
  public void advance(Duration by) {
    offset.accumulateAndGet(by, Duration::plus);
  }

  /** How far the clock has been moved forward. */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(zone, offset);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }
}
