package gov.supervision.localstack;

/**
 * Faults on purpose, for operators and tests: stop a part, kill it like {@code kill -9}, start it
 * again.
 */
final class FaultControl {

  private final StackParts parts;
  private final HealthWait health;
  private final StackConfig config;
  private final Object startLock;

  /** {@code startLock}: held while a process is launched, not while its health is awaited. */
  FaultControl(StackParts parts, HealthWait health, StackConfig config, Object startLock) {
    this.parts = parts;
    this.health = health;
    this.config = config;
    this.startLock = startLock;
  }

  /** Stops one part and waits until it ended (killed after the stop grace). */
  void stop(String name) {
    ManagedProcess process = parts.part(name);
    config.out().accept("stopping " + name + " (pid " + process.pid() + ")");
    process.requestStop();
    process.awaitStop(config.timeouts().stopGrace());
  }

  /** Kills one part at once (SIGKILL): no shutdown hooks, nothing flushed. */
  void kill(String name) {
    ManagedProcess process = parts.part(name);
    config.out().accept("killing " + name + " (pid " + process.pid() + ")");
    ProcessHandle.of(process.pid())
        .ifPresent(
            handle -> {
              handle.descendants().forEach(ProcessHandle::destroyForcibly);
              handle.destroyForcibly();
              handle.onExit().join();
            });
  }

  /**
   * Starts a stopped or killed part again with its first command line; waits for health. Parts
   * restarted from several threads start side by side.
   */
  void restart(String name) {
    ManagedProcess process;
    synchronized (startLock) {
      process = parts.restart(name);
    }
    StackParts.Launch launch = parts.launch(name);
    health.await(process, launch.check(), launch.timeout());
  }
}
