package gov.supervision.notification.domain;

import gov.supervision.contracts.Refusal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns administrator drafts into rules, all or nothing: the first invalid value is refused ({@link
 * Refusal#invalid}) naming its field (e.g. {@code rules[2].roles[0]}).
 */
public final class RuleSetParser {

  /** What a role of a rule looks like. */
  public static final String ROLE = "^[A-Z][A-Z_]{1,39}$";

  /** What a user (a token's {@code sub}) of a rule looks like. */
  public static final String SUB = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$";

  /** At most this many rules in a set. */
  public static final int MAX_RULES = 200;

  /** At most this many users, and this many roles, in one rule. */
  public static final int MAX_ADDRESSEES = 100;

  private static final Pattern ROLE_PATTERN = Pattern.compile(ROLE);
  private static final Pattern SUB_PATTERN = Pattern.compile(SUB);

  private RuleSetParser() {}

  /** The valid rule set, or an exception naming the first bad field. */
  public static List<Rule> parse(List<RuleDraft> drafts) {
    if (drafts == null) {
      throw Refusal.invalid("rules", "必填 required");
    }
    if (drafts.isEmpty()) {
      throw Refusal.invalid("rules", "至少一条规则 at least one rule (use enabled=false to silence one)");
    }
    if (drafts.size() > MAX_RULES) {
      throw Refusal.invalid("rules", "最多 " + MAX_RULES + " 条 at most " + MAX_RULES);
    }
    List<Rule> rules = new ArrayList<>();
    Set<Trigger> seen = EnumSet.noneOf(Trigger.class);
    for (int i = 0; i < drafts.size(); i++) {
      String at = "rules[" + i + "]";
      RuleDraft draft = drafts.get(i);
      if (draft == null) {
        throw Refusal.invalid(at, "必填 required");
      }
      Trigger event = enumValue(Trigger.class, draft.event(), at + ".event");
      if (!seen.add(event)) {
        throw Refusal.invalid(at + ".event", "同一事件只能有一条规则 only one rule per event");
      }
      NotificationType type = enumValue(NotificationType.class, draft.type(), at + ".type");
      List<PersonSelector> persons =
          list(
              draft.persons(),
              at + ".persons",
              (v, f) -> {
                PersonSelector s = enumValue(PersonSelector.class, v, f);
                if (!event.selectors().contains(s)) {
                  throw Refusal.invalid(
                      f,
                      "该事件不提供此人 the event does not name this person; allowed " + event.selectors());
                }
                return s;
              });
      List<String> users =
          list(draft.users(), at + ".users", (v, f) -> matching(v, SUB_PATTERN, f));
      List<String> roles =
          list(draft.roles(), at + ".roles", (v, f) -> matching(v, ROLE_PATTERN, f));
      List<Channel> channels =
          list(draft.channels(), at + ".channels", (v, f) -> enumValue(Channel.class, v, f));
      if (event.confinedTo() != null) {
        confine(event, at, persons, users, roles, channels);
      }
      if (persons.isEmpty() && users.isEmpty() && roles.isEmpty()) {
        throw Refusal.invalid(
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

  /**
   * An event carrying personnel data may reach only its role: no person, no listed user, no other
   * role, no webhook (the payload would leave the suite).
   */
  private static void confine(
      Trigger event,
      String at,
      List<PersonSelector> persons,
      List<String> users,
      List<String> roles,
      List<Channel> channels) {
    String only = event.confinedTo();
    String why =
        "人事档案类事件只能提醒 " + only + " 角色 personnel-data events may alert role " + only + " only";
    if (!persons.isEmpty()) {
      throw Refusal.invalid(at + ".persons[0]", why);
    }
    if (!users.isEmpty()) {
      throw Refusal.invalid(at + ".users[0]", why);
    }
    for (int j = 0; j < roles.size(); j++) {
      if (!only.equals(roles.get(j))) {
        throw Refusal.invalid(at + ".roles[" + j + "]", why);
      }
    }
    for (int j = 0; j < channels.size(); j++) {
      if (channels.get(j) == Channel.WEBHOOK) {
        throw Refusal.invalid(
            at + ".channels[" + j + "]",
            "人事档案类事件不得经 Webhook 外发 personnel-data events must not leave through webhooks");
      }
    }
  }

  /**
   * A stored rule set as far as it may still be used: addressees and channels that rules of
   * personnel-data events may no longer have are left out (each named in {@code removed}), and such
   * a rule left without an addressee falls back to its default rule (or is dropped when there is
   * none). Everything else stays as written, to be validated by {@link #parse}.
   */
  public static Confined confine(List<RuleDraft> drafts) {
    List<RuleDraft> kept = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      RuleDraft draft = drafts.get(i);
      Trigger event = draft == null ? null : confinedTrigger(draft.event());
      if (event == null) {
        kept.add(draft);
        continue;
      }
      String at = "rules[" + i + "]";
      String only = event.confinedTo();
      List<String> roles = new ArrayList<>();
      List<String> channels = new ArrayList<>();
      listed(draft.persons()).forEach(p -> removed.add(at + ".persons " + p));
      listed(draft.users()).forEach(u -> removed.add(at + ".users " + u));
      for (String role : listed(draft.roles())) {
        if (only.equals(role)) {
          roles.add(role);
        } else {
          removed.add(at + ".roles " + role);
        }
      }
      for (String channel : listed(draft.channels())) {
        if (Channel.WEBHOOK.name().equals(channel)) {
          removed.add(at + ".channels " + channel);
        } else {
          channels.add(channel);
        }
      }
      if (!roles.isEmpty()) {
        kept.add(
            new RuleDraft(
                draft.event(),
                draft.type(),
                List.of(),
                List.of(),
                roles,
                channels,
                draft.enabled()));
      } else {
        DefaultRules.all().stream()
            .filter(r -> r.event() == event)
            .findFirst()
            .map(RuleDraft::of)
            .ifPresentOrElse(
                fallback -> {
                  kept.add(fallback);
                  removed.add(at + " replaced by its default rule");
                },
                () -> removed.add(at + " dropped (no addressee left)"));
      }
    }
    return new Confined(kept, List.copyOf(removed));
  }

  /** A stored rule set made usable, and what was taken out of it. */
  public record Confined(List<RuleDraft> drafts, List<String> removed) {}

  private static Trigger confinedTrigger(String name) {
    for (Trigger trigger : Trigger.values()) {
      if (trigger.name().equals(name) && trigger.confinedTo() != null) {
        return trigger;
      }
    }
    return null;
  }

  private static List<String> listed(List<String> values) {
    return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
  }

  private interface Parser<T> {
    T parse(String value, String field);
  }

  private static <T> List<T> list(List<String> values, String field, Parser<T> parser) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_ADDRESSEES) {
      throw Refusal.invalid(field, "最多 " + MAX_ADDRESSEES + " 项 at most " + MAX_ADDRESSEES);
    }
    List<T> out = new ArrayList<>();
    Set<String> distinct = new HashSet<>();
    for (int j = 0; j < values.size(); j++) {
      String f = field + "[" + j + "]";
      String value = values.get(j);
      if (!distinct.add(String.valueOf(value))) {
        throw Refusal.invalid(f, "重复 duplicate");
      }
      out.add(parser.parse(value, f));
    }
    return out;
  }

  private static String matching(String value, Pattern pattern, String field) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw Refusal.invalid(field, "格式无效 must match " + pattern.pattern());
    }
    return value;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
    Function<Void, String> allowed =
        v -> String.join(", ", EnumSet.allOf(type).stream().map(Enum::name).toList());
    if (value == null || value.isBlank()) {
      throw Refusal.invalid(field, "必填 required, one of " + allowed.apply(null));
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(field, "未知取值 unknown value, one of " + allowed.apply(null));
    }
  }
}
