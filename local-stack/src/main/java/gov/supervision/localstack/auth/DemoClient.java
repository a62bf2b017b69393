package gov.supervision.localstack.auth;

import java.util.List;

/**
 * One demo identity of the local stack: an OAuth2 client whose id becomes the token's {@code sub}.
 *
 * @param clientId the client id and token subject
 * @param secret the client secret (demo only)
 * @param roles the {@code roles} claim
 * @param unit the {@code unit} claim, or {@code null} when the identity has none
 */
public record DemoClient(String clientId, String secret, List<String> roles, String unit) {

  /** Exactly the identities of the public contract (docs/api.md, "Calling the API"). */
  public static final List<DemoClient> ALL =
      List.of(
          new DemoClient("inspector", "inspector-secret", List.of("INSPECTOR"), null),
          new DemoClient("lead-fgw", "lead-fgw-secret", List.of("UNIT_LEAD"), "FGW"),
          new DemoClient("lead-jw", "lead-jw-secret", List.of("UNIT_LEAD"), "JW"),
          new DemoClient("evaluator", "evaluator-secret", List.of("EVALUATOR"), null),
          new DemoClient("hr", "hr-secret", List.of("HR"), null),
          new DemoClient("auditor", "auditor-secret", List.of("AUDITOR"), null),
          new DemoClient("admin", "admin-secret", List.of("ADMIN"), null));

  /** The demo client with this id, if any. */
  public static java.util.Optional<DemoClient> byId(String clientId) {
    return ALL.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
  }
}
