package gov.supervision.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Instant START = Instant.parse("2026-06-01T01:00:00Z"); // 09:00 in Shanghai

  @Test
  void aStoppedClockStandsStillUntilMoved() throws InterruptedException {
    MutableClock clock = MutableClock.stoppedAt(START, SHANGHAI);
    Thread.sleep(5);
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(SHANGHAI);
  }

  @Test
  void setAdvanceAndPlusDaysMoveTheClock() {
    MutableClock clock = MutableClock.stoppedAt(START, SHANGHAI);

    clock.advance(Duration.ofMillis(1999));
    assertThat(clock.instant()).isEqualTo(START.plusMillis(1999));
    clock.plusDays(2);
    assertThat(clock.instant()).isEqualTo(START.plusMillis(1999).plus(2, ChronoUnit.DAYS));
    clock.advance(Duration.ofHours(-1));
    assertThat(clock.instant()).isEqualTo(START.plusMillis(1999).plus(47, ChronoUnit.HOURS));

    clock.set(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(clock.offset()).isEqualTo(Duration.between(START, clock.instant()));

    clock.reset();
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.offset()).isZero();
  }

  @Test
  void todayIsTheDateInTheClocksZone() {
    // 2026-06-01T20:00Z is already 2 June in Shanghai (UTC+8) but still 1 June in UTC
    MutableClock clock = MutableClock.stoppedAt(Instant.parse("2026-06-01T20:00:00Z"), SHANGHAI);
    assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 6, 2));
    assertThat(clock.withZone(ZoneOffset.UTC).today()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(LocalDate.now(clock)).isEqualTo(clock.today());
  }

  @Test
  void aViewInAnotherZoneSharesTheMovingTime() {
    MutableClock clock = MutableClock.stoppedAt(START, SHANGHAI);
    MutableClock utc = clock.withZone(ZoneOffset.UTC);
    assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.withZone(SHANGHAI)).isSameAs(clock);

    clock.advance(Duration.ofHours(5));
    assertThat(utc.instant()).isEqualTo(START.plus(5, ChronoUnit.HOURS));
    utc.plusDays(1);
    assertThat(clock.instant()).isEqualTo(START.plus(29, ChronoUnit.HOURS));
    Clock plain = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.reset();
    assertThat(plain.instant()).isEqualTo(START);
  }

  @Test
  void aTickingClockFollowsRealTimeFromWhereItWasSet() throws InterruptedException {
    MutableClock clock = MutableClock.ticking(SHANGHAI);
    assertThat(clock.instant()).isCloseTo(Instant.now(), within(1, ChronoUnit.SECONDS));

    clock.set(START);
    Instant first = clock.instant();
    assertThat(first).isCloseTo(START, within(1, ChronoUnit.SECONDS));
    Thread.sleep(20);
    assertThat(clock.instant()).isAfter(first);

    clock.advance(Duration.ofDays(3));
    assertThat(clock.instant())
        .isCloseTo(START.plus(3, ChronoUnit.DAYS), within(1, ChronoUnit.SECONDS));
    assertThat(clock.offset())
        .isCloseTo(Duration.between(Instant.now(), clock.instant()), Duration.ofSeconds(1));

    clock.reset();
    assertThat(clock.instant()).isCloseTo(Instant.now(), within(1, ChronoUnit.SECONDS));
  }
}
