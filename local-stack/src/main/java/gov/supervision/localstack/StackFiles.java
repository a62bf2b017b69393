package gov.supervision.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.jar.JarFile;

/** The files a stack starts from and works in: its work directory and the services' jars. */
final class StackFiles {

  private final StackConfig config;

  StackFiles(StackConfig config) {
    this.config = config;
  }

  /**
   * Makes the work directory with its {@code logs}. It holds the store's files, the signing keys
   * and the logs: only the user running the stack may enter it, whatever the modes of the files the
   * parts create inside.
   */
  void prepareWorkDir() {
    try {
      Files.createDirectories(config.workDir().resolve("logs"));
      Files.setPosixFilePermissions(config.workDir(), PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException notPosix) {
      // not a POSIX file system (Windows): the directory keeps the user profile's own ACLs
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where {@code name} logs. */
  Path logFile(String name) {
    return config.workDir().resolve("logs").resolve(name + ".log");
  }

  /** Why {@code service} cannot be started, if it cannot: no jar, or not an executable one. */
  Optional<String> jarProblem(ServiceDefinition service) {
    Path jar = jar(service);
    if (!Files.isRegularFile(jar)) {
      return Optional.of(
          "no jar at "
              + config.repositoryRoot().relativize(jar)
              + " (module has no main class yet, or is not built)");
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      var manifest = file.getManifest();
      if (manifest == null || manifest.getMainAttributes().getValue("Main-Class") == null) {
        return Optional.of(
            config.repositoryRoot().relativize(jar)
                + " is not an executable Spring Boot jar (no Main-Class)");
      }
    } catch (IOException e) {
      return Optional.of("cannot read " + jar + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  /** {@code path} as the person who ran the stack reads it best: relative to the checkout. */
  String display(Path path) {
    Path absolute = path.toAbsolutePath();
    return absolute.startsWith(config.repositoryRoot())
        ? config.repositoryRoot().relativize(absolute).toString()
        : absolute.toString();
  }

  /** The service's jar as the build leaves it. */
  Path jar(ServiceDefinition service) {
    return service.jar(config.repositoryRoot(), config.version());
  }
}
