package gov.supervision.gateway.me;

import java.util.List;
import java.util.Set;

/**
 * What a role may do, in the words the console uses to show or hide an action. The services stay
 * the authority: each row names the roles their checks let through, and {@code PermissionTableIT}
 * (suite-tests) proves every row against the running services, so this table cannot drift from what
 * is enforced.
 */
public enum Permission {
  CHECKLIST_READ("checklist:read", "INSPECTOR", "ADMIN", "AUDITOR"),
  CHECKLIST_WRITE("checklist:write", "INSPECTOR"),
  ITEM_READ("item:read", "INSPECTOR", "ADMIN", "AUDITOR", "UNIT_LEAD"),
  ITEM_TRANSITION("item:transition", "INSPECTOR"),
  ITEM_PROGRESS("item:progress", "INSPECTOR", "UNIT_LEAD"),
  FINDING_RAISE("finding:raise", "INSPECTOR"),
  FINDING_RECTIFY("finding:rectify", "INSPECTOR", "UNIT_LEAD"),
  FINDING_VERIFY("finding:verify", "INSPECTOR"),
  STATISTICS_READ("statistics:read", "INSPECTOR", "ADMIN", "AUDITOR"),
  WARNING_READ("warning:read", "INSPECTOR", "ADMIN"),
  CADRE_READ("cadre:read", "EVALUATOR", "ADMIN"),
  CADRE_WRITE("cadre:write", "EVALUATOR", "ADMIN"),
  EVALUATION_READ("evaluation:read", "EVALUATOR"),
  EVALUATION_WRITE("evaluation:write", "EVALUATOR"),
  DOSSIER_READ("dossier:read", "HR"),
  REVIEW_CASE_MANAGE("review-case:manage", "HR"),
  ACCESS_LOG_READ("access-log:read", "AUDITOR"),
  NOTIFICATION_RULE_MANAGE("notification-rule:manage", "ADMIN"),
  INBOX_READ("inbox:read", "INSPECTOR", "UNIT_LEAD", "EVALUATOR", "HR", "AUDITOR", "ADMIN");

  private final String code;
  private final Set<String> roles;

  Permission(String code, String... roles) {
    this.code = code;
    this.roles = Set.of(roles);
  }

  /** The string the console checks, e.g. {@code item:transition}. */
  public String code() {
    return code;
  }

  /** The roles that hold it. */
  public Set<String> roles() {
    return roles;
  }

  /** The codes held by someone with {@code roles}, in table order. */
  public static List<String> of(Set<String> roles) {
    return java.util.Arrays.stream(values())
        .filter(p -> p.roles.stream().anyMatch(roles::contains))
        .map(Permission::code)
        .toList();
  }
}
