package gov.supervision.localstack;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Each service as its JVM starts it fastest: the jar extracted once per build ({@code java
 * -Djarmode=tools -jar <jar> extract}), so its classes come from plain jars on the class path, and
 * a class data sharing archive of the classes it loads while its context starts. The archive is
 * made by one training run per build (the service started with {@code
 * -Dspring.context.exit=onRefresh} and {@code -XX:ArchiveClassesAtExit}); every later start maps it
 * instead of loading and verifying those classes again.
 *
 * <p>A build's extraction lives in a directory named after the jar's size and time, made under a
 * temporary name and moved into place whole, and never changed afterwards: a rebuild while a stack
 * runs (or two stacks sharing the cache) cannot pull classes from under a running JVM, and the
 * archive keeps matching the class path it was made with.
 */
final class ServiceCache {

  /** The archive's name in a build's directory. */
  static final String ARCHIVE = "classes.jsa";

  private final StackConfig config;
  private final StackFiles files;

  ServiceCache(StackConfig config, StackFiles files) {
    this.config = config;
    this.files = files;
  }

  /**
   * One build of a service, ready to start.
   *
   * @param jar the extracted application jar ({@code -jar} it)
   * @param archive its class data archive, once the training run made one
   */
  record Prepared(Path jar, Optional<Path> archive) {

    /** The JVM options that map the archive, if there is one. */
    List<String> javaOptions() {
      return archive.map(a -> List.of("-XX:SharedArchiveFile=" + a)).orElse(List.of());
    }
  }

  /** The service's current build, extracted if it was not yet. */
  Prepared prepare(ServiceDefinition service) {
    Path jar = files.jar(service);
    try {
      String build = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
      Path dir = config.serviceCache().resolve(service.name()).resolve(build);
      if (!Files.isDirectory(dir)) {
        extract(jar, dir);
      }
      Path archive = dir.resolve(ARCHIVE);
      return new Prepared(
          dir.resolve(jar.getFileName()),
          Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty());
    } catch (IOException e) {
      throw new LocalStackException("cannot prepare " + service.name() + ": " + e.getMessage());
    }
  }

  private void extract(Path jar, Path dir) throws IOException {
    Files.createDirectories(dir.getParent());
    Path tmp = dir.resolveSibling(".extract-" + UUID.randomUUID());
    run(
        List.of(
            config.java(),
            "-Djarmode=tools",
            "-jar",
            jar.toString(),
            "extract",
            "--destination",
            tmp.toString()),
        tmp.resolveSibling(tmp.getFileName() + ".log"));
    try {
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException madeMeanwhile) {
      deleteTree(tmp); // another stack extracted the same build first
    }
    removeOlderBuilds(dir);
  }

  /**
   * Makes the archive of a build that has none: runs the service's usual {@code command} (with
   * {@code environment}) once, until its context is refreshed, and keeps what it wrote. It may take
   * twice a service's start timeout (writing the archive comes on top of the start). Says why there
   * is no archive when the training failed (the service then starts without one); details in {@code
   * log}.
   */
  Training train(
      Prepared prepared, List<String> command, Map<String, String> environment, Path log) {
    Path archive = prepared.jar().resolveSibling(ARCHIVE);
    Path tmp = archive.resolveSibling(ARCHIVE + ".tmp-" + UUID.randomUUID());
    List<String> training = new ArrayList<>(command);
    training.addAll(
        1, List.of("-XX:ArchiveClassesAtExit=" + tmp, "-Dspring.context.exit=onRefresh"));
    ProcessBuilder builder =
        new ProcessBuilder(training)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    long limit = config.timeouts().service().multipliedBy(2).toSeconds();
    try {
      Process process = builder.start();
      if (!process.waitFor(limit, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return Training.failed("not done after " + limit + " s");
      }
      if (process.exitValue() != 0) {
        return Training.failed("exit code " + process.exitValue());
      }
      if (!Files.isRegularFile(tmp)) {
        return Training.failed("the JVM wrote no archive");
      }
      Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE);
      return new Training(new Prepared(prepared.jar(), Optional.of(archive)), null);
    } catch (IOException e) {
      return Training.failed(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Training.failed("interrupted");
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a stray temporary archive is never used
      }
    }
  }

  /** What a training made: the build with its archive, or why it has none. */
  record Training(Prepared build, String failure) {

    static Training failed(String why) {
      return new Training(null, why);
    }
  }

  private void run(List<String> command, Path log) throws IOException {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("'" + String.join(" ", command) + "' failed, see " + log);
      }
      Files.deleteIfExists(log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while extracting", e);
    }
  }

  /** Keeps the newest two builds of a service: one may still run while the next starts. */
  private static void removeOlderBuilds(Path current) throws IOException {
    try (Stream<Path> builds = Files.list(current.getParent())) {
      List<Path> older =
          builds
              .filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))
              .sorted(Comparator.comparing(ServiceCache::modified).reversed())
              .skip(2)
              .toList();
      for (Path build : older) {
        deleteTree(build);
      }
    }
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
