package gov.supervision.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s, base and every overlay, rendered here without a cluster: every rule holds, and the
 * README names every Secret that has to be created by hand.
 */
class DeployManifestsTest {

  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  static final Path K8S = REPOSITORY.resolve("deploy/k8s");

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/prod"})
  void everyRuleHolds(String kustomization) {
    List<Map<String, Object>> rendered = Kustomization.render(K8S.resolve(kustomization));

    assertThat(new ManifestRules(rendered, REPOSITORY).violations()).isEmpty();
  }

  @Test
  void theProductionOverlayPinsReleasedImagesInItsOwnNamespace() {
    List<Map<String, Object>> rendered = Kustomization.render(K8S.resolve("overlays/prod"));

    assertThat(rendered)
        .allSatisfy(
            m -> assertThat(Tree.text(m, "metadata", "namespace")).isEqualTo("supervision"));
    assertThat(new Manifests(rendered).deployments())
        .extracting(d -> Tree.text(Manifests.containers(d).get(0), "image"))
        .containsExactlyInAnyOrder(
            "registry.example.invalid/supervision/gateway:0.1.0",
            "registry.example.invalid/supervision/checklist-service:0.1.0",
            "registry.example.invalid/supervision/evaluation-service:0.1.0",
            "registry.example.invalid/supervision/notification-service:0.1.0");
  }

  @Test
  void theReadmeNamesEverySecretToCreateByHand() throws Exception {
    String readme = Files.readString(REPOSITORY.resolve("deploy/README.md"));
    var secrets =
        new ManifestRules(Kustomization.render(K8S.resolve("overlays/prod")), REPOSITORY)
            .secretsToCreateByHand();

    assertThat(secrets)
        .contains("gateway-oauth2-client", "notification-webhook", "mongodb-gateway-password")
        .allSatisfy(secret -> assertThat(readme).contains(secret));
  }

  @Test
  void aKustomizationFieldThatIsNotRenderedIsAnErrorNotASilentGap(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\ncommonLabels: {a: b}\n");

    assertThatThrownBy(() -> Kustomization.render(dir))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("commonLabels");
  }
}
