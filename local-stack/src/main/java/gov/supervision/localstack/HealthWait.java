package gov.supervision.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Waits until a started part is healthy, giving up when it dies, when time runs out or when the
 * stack is stopping; the failure names the part and shows the end of its log.
 */
final class HealthWait {

  private static final long POLL_MILLIS = 300;

  private final BooleanSupplier stopping;
  private final Consumer<String> out;
  private final Function<Path, String> display;

  HealthWait(BooleanSupplier stopping, Consumer<String> out, Function<Path, String> display) {
    this.stopping = stopping;
    this.out = out;
    this.display = display;
  }

  /**
   * Returns once {@code check} says ready.
   *
   * @throws LocalStackException when the part exits, is not ready within {@code timeout}, or the
   *     stack is stopping
   */
  void await(ManagedProcess process, HealthCheck check, Duration timeout) {
    long began = System.nanoTime();
    long deadline = began + timeout.toNanos();
    Exception last = null;
    while (true) {
      if (stopping.getAsBoolean()) {
        throw new LocalStackException("stack is stopping; " + process.name() + " not ready");
      }
      if (!process.isAlive()) {
        throw failure(
            process, " exited with code " + process.exitCode().orElse(-1) + " while starting");
      }
      try {
        if (check.ready()) {
          out.accept(
              String.format(
                  "%s is healthy (%.1f s)", process.name(), (System.nanoTime() - began) / 1e9));
          return;
        }
        last = null;
      } catch (InterruptedException e) {
        throw interrupted(process);
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw failure(
            process,
            " is not healthy after "
                + timeout.toSeconds()
                + " s"
                + (last == null ? "" : " (" + last + ")"));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        throw interrupted(process);
      }
    }
  }

  private LocalStackException failure(ManagedProcess process, String what) {
    return new LocalStackException(
        process.name()
            + what
            + "; last lines of "
            + display.apply(process.logFile())
            + ":\n"
            + process.tail(10));
  }

  private static LocalStackException interrupted(ManagedProcess process) {
    Thread.currentThread().interrupt();
    return new LocalStackException("interrupted while waiting for " + process.name());
  }
}
