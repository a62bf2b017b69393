package gov.supervision.localstack.support;

import java.util.Optional;

/**
 * Ends a launcher JVM (running its shutdown hooks) when the process that started it is gone, so a
 * killed {@code run-local.sh} leaves no orphaned infrastructure behind. Active only when the system
 * property {@value #PROPERTY} names the parent's pid.
 */
public final class ParentWatch {

  /** System property holding the pid to watch. */
  public static final String PROPERTY = "localstack.parent-pid";

  private ParentWatch() {}

  /** Starts the watch if {@value #PROPERTY} is set; does nothing otherwise. */
  public static void startIfRequested() {
    String pid = System.getProperty(PROPERTY);
    if (pid == null || pid.isBlank()) {
      return;
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid.trim()));
    Thread watch =
        new Thread(
            () -> {
              while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
              System.err.println("parent process " + pid + " is gone: shutting down");
              System.exit(0);
            },
            "parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
