package gov.supervision.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every rule of the rendered manifests; an empty list of violations means they all hold. */
public final class ManifestRules {

  private final Manifests manifests;
  private final Path repository;

  /**
   * @param rendered the manifests, as {@link Kustomization#render} gives them
   * @param repository the repository root, where each workload's module and application.yml are
   */
  public ManifestRules(List<Map<String, Object>> rendered, Path repository) {
    this.manifests = new Manifests(rendered);
    this.repository = repository;
  }

  /** What breaks a rule, one line each. */
  public List<String> violations() {
    List<String> violations = new ArrayList<>();
    new WorkloadRules(manifests, repository, violations).check();
    new NetworkRules(manifests, SuiteWiring.SUITE, violations).check();
    new SecretRules(manifests, violations).check();
    new KafkaRules(manifests, SuiteWiring.SUITE, violations).check();
    new MongoRules(manifests, repository, violations).check();
    return violations;
  }

  /** The Secrets an operator of the cluster creates before applying (no operator writes them). */
  public Set<String> secretsToCreateByHand() {
    return new SecretRules(manifests, new ArrayList<>()).toCreateByHand();
  }
}
