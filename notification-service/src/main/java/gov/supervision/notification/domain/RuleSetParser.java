package gov.supervision.notification.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns administrator drafts into rules, all or nothing: the first invalid value throws {@link
 * InvalidRuleException} naming its field (e.g. {@code rules[2].roles[0]}).
 */
public final class RuleSetParser {

  private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z_]{1,39}");
  private static final Pattern SUB = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
  private static final int MAX_RULES = 200;

  private RuleSetParser() {}

  /** The valid rule set, or an exception naming the first bad field. */
  public static List<Rule> parse(List<RuleDraft> drafts) {
    if (drafts == null) {
      throw new InvalidRuleException("rules", "必填 required");
    }
    if (drafts.isEmpty()) {
      throw new InvalidRuleException(
          "rules", "至少一条规则 at least one rule (use enabled=false to silence one)");
    }
    if (drafts.size() > MAX_RULES) {
      throw new InvalidRuleException("rules", "最多 " + MAX_RULES + " 条 at most " + MAX_RULES);
    }
    List<Rule> rules = new ArrayList<>();
    Set<Trigger> seen = EnumSet.noneOf(Trigger.class);
    for (int i = 0; i < drafts.size(); i++) {
      String at = "rules[" + i + "]";
      RuleDraft draft = drafts.get(i);
      if (draft == null) {
        throw new InvalidRuleException(at, "必填 required");
      }
      Trigger event = enumValue(Trigger.class, draft.event(), at + ".event");
      if (!seen.add(event)) {
        throw new InvalidRuleException(at + ".event", "同一事件只能有一条规则 only one rule per event");
      }
      NotificationType type = enumValue(NotificationType.class, draft.type(), at + ".type");
      List<PersonSelector> persons =
          list(
              draft.persons(),
              at + ".persons",
              (v, f) -> {
                PersonSelector s = enumValue(PersonSelector.class, v, f);
                if (!event.selectors().contains(s)) {
                  throw new InvalidRuleException(
                      f,
                      "该事件不提供此人 the event does not name this person; allowed " + event.selectors());
                }
                return s;
              });
      List<String> users = list(draft.users(), at + ".users", (v, f) -> matching(v, SUB, f));
      List<String> roles = list(draft.roles(), at + ".roles", (v, f) -> matching(v, ROLE, f));
      List<Channel> channels =
          list(draft.channels(), at + ".channels", (v, f) -> enumValue(Channel.class, v, f));
      if (persons.isEmpty() && users.isEmpty() && roles.isEmpty()) {
        throw new InvalidRuleException(
            at + ".persons", "至少需要一个收件人 at least one addressee (persons, users or roles)");
      }
      rules.add(
          new Rule(
              event,
              type,
              persons,
              users,
              roles,
              channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels),
              draft.enabled() == null || draft.enabled()));
    }
    return List.copyOf(rules);
  }

  private interface Parser<T> {
    T parse(String value, String field);
  }

  private static <T> List<T> list(List<String> values, String field, Parser<T> parser) {
    if (values == null) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    Set<String> distinct = new HashSet<>();
    for (int j = 0; j < values.size(); j++) {
      String f = field + "[" + j + "]";
      String value = values.get(j);
      if (!distinct.add(String.valueOf(value))) {
        throw new InvalidRuleException(f, "重复 duplicate");
      }
      out.add(parser.parse(value, f));
    }
    return out;
  }

  private static String matching(String value, Pattern pattern, String field) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new InvalidRuleException(field, "格式无效 must match " + pattern.pattern());
    }
    return value;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
    Function<Void, String> allowed =
        v -> String.join(", ", EnumSet.allOf(type).stream().map(Enum::name).toList());
    if (value == null || value.isBlank()) {
      throw new InvalidRuleException(field, "必填 required, one of " + allowed.apply(null));
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRuleException(field, "未知取值 unknown value, one of " + allowed.apply(null));
    }
  }
}
