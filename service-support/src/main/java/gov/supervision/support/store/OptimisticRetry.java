package gov.supervision.support.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The one retry of a write that lost a race: an attempt reads the document, applies the change
 * (queueing its events in the document's outbox) and saves it conditionally on the version it read.
 * When another writer got there first (a version mismatch, or a duplicate key when both inserted
 * the same new document), the attempt runs again on the fresh state after a short random pause, up
 * to {@value #ATTEMPTS} attempts; then the last failure is thrown (answered 409
 * concurrent-change/duplicate).
 */
public final class OptimisticRetry {

  /** How many times an attempt runs at most. */
  public static final int ATTEMPTS = 10;

  private OptimisticRetry() {}

  /** Runs {@code attempt} until it completes without losing a race; returns its result. */
  public static <T> T retry(Supplier<T> attempt) {
    for (int tried = 1; ; tried++) {
      try {
        return attempt.get();
      } catch (OptimisticLockingFailureException | DuplicateKeyException lost) {
        if (tried >= ATTEMPTS) {
          throw lost;
        }
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000, 10_000_000));
      }
    }
  }

  /** As {@link #retry(Supplier)} for an attempt without a result. */
  public static void retry(Runnable attempt) {
    retry(
        () -> {
          attempt.run();
          return null;
        });
  }
}
