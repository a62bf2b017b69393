package gov.supervision.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One JVM started by the local stack, its output going to its own log file. Stopping asks politely
 * (SIGTERM to the process and its children), then forces after a grace period.
 */
public final class ManagedProcess {

  private final String name;
  private final Process process;
  private final Path logFile;

  private ManagedProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /** Starts {@code command} in {@code workDir}, stdout and stderr to {@code logFile}. */
  public static ManagedProcess start(String name, List<String> command, Path workDir, Path logFile)
      throws IOException {
    return start(name, command, java.util.Map.of(), workDir, logFile);
  }

  /**
   * Starts {@code command} with {@code environment} added to this JVM's (for secrets: unlike the
   * command line, it is neither written to the log nor shown by {@code ps}).
   */
  public static ManagedProcess start(
      String name,
      List<String> command,
      java.util.Map<String, String> environment,
      Path workDir,
      Path logFile)
      throws IOException {
    Files.createDirectories(logFile.getParent());
    Files.writeString(
        logFile,
        "# " + Instant.now() + " " + name + ": " + String.join(" ", command) + "\n",
        StandardCharsets.UTF_8);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(environment);
    return new ManagedProcess(name, builder.start(), logFile);
  }

  /** The part's name, e.g. {@code kafka} or {@code gateway}. */
  public String name() {
    return name;
  }

  /** The operating-system process id. */
  public long pid() {
    return process.pid();
  }

  /** Where the part logs. */
  public Path logFile() {
    return logFile;
  }

  /** Whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, if it has ended. */
  public Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  /** The resident memory of the process in bytes (Linux only; empty elsewhere or once ended). */
  public Optional<Long> residentBytes() {
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Optional.of(Long.parseLong(kb) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * What to show when the part failed: the last few {@code Caused by:} and {@code ERROR} lines of
   * the log (where a stack trace hides the cause), then its last {@code lines} lines, each cut
   * short.
   */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      List<String> causes =
          all.stream()
              .filter(
                  l -> l.startsWith("Caused by:") || l.contains(" ERROR ") || l.contains("FAILED"))
              .toList();
      List<String> shown = new ArrayList<>();
      causes
          .subList(Math.max(0, causes.size() - 4), causes.size())
          .forEach(l -> shown.add("  ! " + cut(l)));
      all.subList(Math.max(0, all.size() - lines), all.size())
          .forEach(l -> shown.add("  | " + cut(l)));
      return String.join("\n", shown);
    } catch (IOException | RuntimeException e) {
      return "(log not readable: " + e.getMessage() + ")";
    }
  }

  private static String cut(String line) {
    return line.length() <= 240 ? line : line.substring(0, 240) + " ...";
  }

  /** Asks the process (and its children) to stop; returns at once. */
  public void requestStop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }

  /**
   * Waits up to {@code grace} for the process to end after {@link #requestStop()}, then kills it
   * and anything it started. Returns true when it ended by itself.
   */
  public boolean awaitStop(Duration grace) {
    List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
    boolean clean;
    try {
      clean = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      clean = false;
    }
    if (!clean) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return clean;
  }
}
