package gov.supervision.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The processes of a stack by name, and how each was launched, so that it can be started again the
 * same way; the infrastructure is stopped after the services.
 */
final class StackParts {

  /** How a part is started and how its health is checked. */
  record Launch(
      List<String> command, Map<String, String> environment, HealthCheck check, Duration timeout) {}

  private final List<ManagedProcess> infrastructure = new CopyOnWriteArrayList<>();
  private final List<ManagedProcess> services = new CopyOnWriteArrayList<>();
  private final Map<String, Launch> launches = new ConcurrentHashMap<>();
  private final StackConfig config;
  private final StackFiles files;

  StackParts(StackConfig config, StackFiles files) {
    this.config = config;
    this.files = files;
  }

  /** Starts an infrastructure part; returns at once. */
  ManagedProcess startInfrastructure(String name, Launch launch) {
    ManagedProcess process = start(name, launch);
    infrastructure.add(process);
    return process;
  }

  /** Starts a service process; returns at once. */
  ManagedProcess startService(String name, Launch launch) {
    ManagedProcess process = start(name, launch);
    services.add(process);
    return process;
  }

  /** Starts the ended part {@code name} again as it was first launched; returns at once. */
  ManagedProcess restart(String name) {
    ManagedProcess old = part(name);
    if (old.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    ManagedProcess process = start(name, launch(name));
    List<ManagedProcess> group = infrastructure.contains(old) ? infrastructure : services;
    group.set(group.indexOf(old), process);
    return process;
  }

  /** How {@code name} was first launched. */
  Launch launch(String name) {
    return launches.get(name);
  }

  /** The process of {@code name}. */
  ManagedProcess part(String name) {
    return all().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no part named " + name));
  }

  /** Every process, infrastructure first. */
  List<ManagedProcess> all() {
    List<ManagedProcess> all = new ArrayList<>(infrastructure);
    all.addAll(services);
    return all;
  }

  /** Stops the services, then the infrastructure, each group asked at once then awaited. */
  void stopAll() {
    stopAll(services);
    stopAll(infrastructure);
  }

  private ManagedProcess start(String name, Launch launch) {
    launches.putIfAbsent(name, launch);
    try {
      ManagedProcess process =
          ManagedProcess.start(
              name,
              launch.command(),
              launch.environment(),
              config.repositoryRoot(),
              files.logFile(name));
      config
          .out()
          .accept(
              "started "
                  + name
                  + " (pid "
                  + process.pid()
                  + ", log "
                  + files.display(process.logFile())
                  + ")");
      return process;
    } catch (IOException e) {
      throw new LocalStackException("cannot start " + name + ": " + e.getMessage());
    }
  }

  private void stopAll(List<ManagedProcess> processes) {
    List<ManagedProcess> running = processes.stream().filter(ManagedProcess::isAlive).toList();
    for (ManagedProcess process : running) {
      config.out().accept("stopping " + process.name() + " (pid " + process.pid() + ")");
      process.requestStop();
    }
    for (ManagedProcess process : running) {
      if (!process.awaitStop(config.timeouts().stopGrace())) {
        config.out().accept(process.name() + " did not stop in time: killed");
      }
    }
  }
}
