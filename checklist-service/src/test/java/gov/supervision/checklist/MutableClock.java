package gov.supervision.checklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** A ticking clock the tests can move to any day (real time plus an offset). */
public class MutableClock extends Clock {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private volatile Duration offset = Duration.ZERO;

  /** Moves the clock to {@code date} at 09:00 Shanghai time, ticking from there. */
  public void setDate(LocalDate date) {
    Instant target = date.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
    offset = Duration.between(Instant.now(), target);
  }

  public void plusDays(long days) {
    offset = offset.plusDays(days);
  }

  public LocalDate today() {
    return LocalDate.now(this);
  }

  @Override
  public ZoneId getZone() {
    return ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
