package gov.supervision.localstack.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords per key (an address and a username, or an address alone) in a sliding window.
 * Past {@code max} failures the key must wait until the oldest failure leaves the window; a
 * successful sign-in forgets the key.
 */
final class LoginAttempts {

  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginAttempts(int max, Duration window, Clock clock) {
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /** How long {@code key} must still wait; zero when it may try. */
  Duration waitFor(String key) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    synchronized (times) {
      Instant now = clock.instant();
      forgetOld(times, now);
      if (times.size() < max) {
        return Duration.ZERO;
      }
      return Duration.between(now, times.peekFirst().plus(window));
    }
  }

  void failed(String key) {
    Deque<Instant> times = failures.computeIfAbsent(key, a -> new ArrayDeque<>());
    synchronized (times) {
      Instant now = clock.instant();
      forgetOld(times, now);
      times.addLast(now);
    }
  }

  void succeeded(String key) {
    failures.remove(key);
  }

  private void forgetOld(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.pollFirst();
    }
  }
}
