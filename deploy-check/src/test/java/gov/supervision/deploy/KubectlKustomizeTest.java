package gov.supervision.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where {@code kubectl} is installed, the rendering here is the one kustomize itself gives, so the
 * rules check what a cluster would receive. Skipped on machines without {@code kubectl}.
 */
class KubectlKustomizeTest {

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/prod"})
  void renderingMatchesKubectlKustomize(String kustomization) throws Exception {
    Path kubectl = onPath("kubectl");
    assumeTrue(kubectl != null, "kubectl is not installed here");
    Path dir = DeployManifestsTest.K8S.resolve(kustomization);
    Process process =
        new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();

    assertThat(sorted(Kustomization.render(dir))).isEqualTo(sorted(YamlFiles.documents(output)));
  }

  private static List<Map<String, Object>> sorted(List<Map<String, Object>> manifests) {
    return manifests.stream().sorted(Comparator.comparing(Tree::id)).toList();
  }

  private static Path onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(entry -> Path.of(entry, program))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }
}
