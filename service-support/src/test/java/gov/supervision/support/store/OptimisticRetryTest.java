package gov.supervision.support.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/** A lost race is tried again on fresh state a bounded number of times; anything else is not. */
class OptimisticRetryTest {

  @Test
  void anAttemptThatLostTwoRacesRunsAThirdTimeAndItsResultIsReturned() {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        OptimisticRetry.retry(
            () -> {
              int n = attempts.incrementAndGet();
              if (n == 1) {
                throw new OptimisticLockingFailureException("version 3 is gone");
              }
              if (n == 2) {
                throw new DuplicateKeyException("inserted meanwhile");
              }
              return "saved at attempt " + n;
            });
    assertThat(result).isEqualTo("saved at attempt 3");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void afterTheLastAttemptTheLostRaceIsThrown() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                OptimisticRetry.retry(
                    () -> {
                      attempts.incrementAndGet();
                      throw new OptimisticLockingFailureException("always changed");
                    }))
        .isInstanceOf(OptimisticLockingFailureException.class)
        .hasMessage("always changed");
    assertThat(attempts).hasValue(OptimisticRetry.ATTEMPTS);
  }

  @Test
  void anyOtherFailureIsThrownAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                OptimisticRetry.retry(
                    () -> {
                      attempts.incrementAndGet();
                      throw new DataAccessResourceFailureException("store down");
                    }))
        .isInstanceOf(DataAccessResourceFailureException.class);
    assertThat(attempts).hasValue(1);
  }
}
