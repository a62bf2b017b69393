package gov.supervision.notification.domain;

import java.util.List;

/** A rule as written by an administrator, before validation: every value is still text. */
public record RuleDraft(
    String event,
    String type,
    List<String> persons,
    List<String> users,
    List<String> roles,
    List<String> channels,
    Boolean enabled) {

  /** The draft that describes a valid rule. */
  public static RuleDraft of(Rule rule) {
    return new RuleDraft(
        rule.event().name(),
        rule.type().name(),
        rule.persons().stream().map(Enum::name).toList(),
        rule.users(),
        rule.roles(),
        rule.channels().stream().sorted().map(Enum::name).toList(),
        rule.enabled());
  }
}
