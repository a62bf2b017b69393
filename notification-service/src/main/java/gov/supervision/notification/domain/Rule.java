package gov.supervision.notification.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A notification rule: what {@code trigger} raises a notification of {@code type}, to whom, by
 * which channels. In-app is always among the channels.
 */
public record Rule(
    Trigger event,
    NotificationType type,
    List<PersonSelector> persons,
    List<String> users,
    List<String> roles,
    Set<Channel> channels,
    boolean enabled) {

  public Rule {
    persons = List.copyOf(persons);
    users = List.copyOf(users);
    roles = List.copyOf(roles);
    Set<Channel> all = new LinkedHashSet<>();
    all.add(Channel.IN_APP);
    all.addAll(channels);
    channels = Set.copyOf(all);
  }

  /** Everyone this rule addresses for an alert, each once, persons first. */
  public List<Addressee> addressees(Alert alert) {
    Set<Addressee> out = new LinkedHashSet<>();
    for (PersonSelector selector : persons) {
      String sub = alert.person(selector);
      if (sub != null && !sub.isBlank()) {
        out.add(Addressee.person(sub));
      }
    }
    users.forEach(sub -> out.add(Addressee.person(sub)));
    roles.forEach(role -> out.add(Addressee.role(role)));
    return List.copyOf(out);
  }
}
