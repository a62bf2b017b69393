package gov.supervision.localstack.auth;

import java.util.List;

/**
 * One demo identity of the local stack: an OAuth2 client whose id becomes the token's {@code sub},
 * and the person of the same name who signs in on the login form with the same secret as password.
 *
 * @param clientId the client id, the person's username and the token subject
 * @param secret the client secret and the person's password (demo only)
 * @param roles the {@code roles} claim
 * @param unit the {@code unit} claim, or {@code null} when the identity has none
 * @param name the person's display name (the {@code name} claim)
 */
public record DemoClient(
    String clientId, String secret, List<String> roles, String unit, String name) {

  /** The demo identities of the API contract (docs/api.md): machines and people alike. */
  public static final List<DemoClient> ALL =
      List.of(
          new DemoClient("inspector", "inspector-secret", List.of("INSPECTOR"), null, "王督查"),
          new DemoClient("lead-fgw", "lead-fgw-secret", List.of("UNIT_LEAD"), "FGW", "李主任（市发展改革委）"),
          new DemoClient("lead-jw", "lead-jw-secret", List.of("UNIT_LEAD"), "JW", "赵主任（市教育局）"),
          new DemoClient("evaluator", "evaluator-secret", List.of("EVALUATOR"), null, "陈考评"),
          new DemoClient("hr", "hr-secret", List.of("HR"), null, "刘人事"),
          new DemoClient("auditor", "auditor-secret", List.of("AUDITOR"), null, "孙审计"),
          new DemoClient("admin", "admin-secret", List.of("ADMIN"), null, "周管理"));

  /** The demo client with this id, if any. */
  public static java.util.Optional<DemoClient> byId(String clientId) {
    return ALL.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
  }
}
