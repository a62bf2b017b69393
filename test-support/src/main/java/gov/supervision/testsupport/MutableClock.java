package gov.supervision.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The suite's one test clock: a {@link Clock} the test moves with {@link #set}, {@link #advance}
 * and {@link #plusDays}.
 *
 * <p>It comes in two kinds. {@link #stoppedAt} stands still until moved (unit tests that count
 * intervals to the millisecond). {@link #ticking} follows real time plus the offset the test set
 * (integration tests: leases, timeouts and the order of stored records need time to pass). {@link
 * #withZone} gives a view in another zone that shares the moving time: moving one moves both.
 */
public final class MutableClock extends Clock {

  /** The moving time, shared by a clock and its other-zone views. */
  private static final class Time {
    private final Clock source;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    Time(Clock source) {
      this.source = source;
    }

    Instant now() {
      return source.instant().plus(offset.get());
    }
  }

  private final Time time;
  private final ZoneId zone;

  private MutableClock(Time time, ZoneId zone) {
    this.time = time;
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** A clock that reads {@code start} until the test moves it. */
  public static MutableClock stoppedAt(Instant start, ZoneId zone) {
    Objects.requireNonNull(start, "start");
    return new MutableClock(new Time(Clock.fixed(start, ZoneOffset.UTC)), zone);
  }

  /** A clock that follows real time, from now on moved by what the test sets or adds. */
  public static MutableClock ticking(ZoneId zone) {
    return new MutableClock(new Time(Clock.systemUTC()), zone);
  }

  /** Moves the clock to {@code instant} (a ticking clock goes on ticking from there). */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    time.offset.set(Duration.between(time.source.instant(), instant));
  }

  /** Moves the clock by {@code by} (forward when positive). */
  public void advance(Duration by) {
    Objects.requireNonNull(by, "by");
    time.offset.accumulateAndGet(by, Duration::plus);
  }

  /** Moves the clock by {@code days} days of 24 hours. */
  public void plusDays(long days) {
    advance(Duration.ofDays(days));
  }

  /** Back to where it began: the start instant of a stopped clock, real time for a ticking one. */
  public void reset() {
    time.offset.set(Duration.ZERO);
  }

  /** How far the clock has been moved from where it began (see {@link #reset}). */
  public Duration offset() {
    return time.offset.get();
  }

  /** Today's date in the clock's zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(instant(), zone);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public MutableClock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new MutableClock(time, zone);
  }

  @Override
  public Instant instant() {
    return time.now();
  }

  @Override
  public String toString() {
    return "MutableClock[" + instant() + ", " + zone + "]";
  }
}
