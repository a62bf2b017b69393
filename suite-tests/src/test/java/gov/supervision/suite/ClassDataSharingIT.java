package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.localstack.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher starts every service from its extracted build with the class data archive its
 * training run made, so the stack reaches READY sooner (bench/footprint.sh has the figures).
 */
class ClassDataSharingIT {

  static final Suite suite = Suite.get();

  @Test
  void everyServiceRunsFromItsExtractedBuildMappingItsTrainedArchive() throws IOException {
    Path cache =
        Path.of(System.getProperty("suite.repositoryRoot", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("suite-tests/target/service-cache");
    for (String service : LocalStack.SERVICE_NAMES) {
      int port = URI.create(suite.stack.serviceUrl(service)).getPort();
      List<String> command = commandLineListeningOn(port);
      Path jar = Path.of(command.get(command.indexOf("-jar") + 1));
      assertThat(jar.getParent().getParent())
          .as(service + " runs from its extracted build in the suite's cache")
          .isEqualTo(cache.resolve(service));
      Path archive = jar.resolveSibling("classes.jsa");
      assertThat(command)
          .as(service + "'s command line")
          .containsSubsequence("-XX:SharedArchiveFile=" + archive, "-jar");
      assertThat(archive).as(service + "'s archive").isRegularFile();
      assertThat(Files.size(archive)).as("a real archive").isGreaterThan(10_000_000L);
    }
  }

  private static List<String> commandLineListeningOn(int port) {
    return ProcessHandle.allProcesses()
        .map(p -> p.info())
        .filter(info -> info.arguments().isPresent())
        .filter(info -> List.of(info.arguments().get()).contains("--server.port=" + port))
        .map(
            info ->
                Stream.concat(
                        Stream.of(info.command().orElse("java")), Stream.of(info.arguments().get()))
                    .toList())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no process with --server.port=" + port));
  }
}
