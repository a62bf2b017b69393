package gov.supervision.notification.rule;

import gov.supervision.notification.domain.InvalidRuleException;
import gov.supervision.notification.domain.RuleDraft;
import gov.supervision.support.security.CurrentUser;
import gov.supervision.support.web.ApiProblem;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /api/notification-rules}: the rule set, read and replaced as a whole by ADMIN. */
@RestController
@RequestMapping("/api/notification-rules")
@PreAuthorize("hasRole('ADMIN')")
class RuleController {

  private final RuleStore store;

  RuleController(RuleStore store) {
    this.store = store;
  }

  /**
   * The rule set as JSON: {@code {revision,
   * rules:[{event,type,persons,users,roles,channels,enabled}]}}.
   */
  record RuleSetBody(Long revision, List<RuleBody> rules, List<RuleStore.Change> history) {}

  /** One rule as JSON. */
  record RuleBody(
      String event,
      String type,
      List<String> persons,
      List<String> users,
      List<String> roles,
      List<String> channels,
      Boolean enabled) {

    static RuleBody of(RuleDraft d) {
      return new RuleBody(
          d.event(), d.type(), d.persons(), d.users(), d.roles(), d.channels(), d.enabled());
    }

    RuleDraft draft() {
      return new RuleDraft(event, type, persons, users, roles, channels, enabled);
    }
  }

  @GetMapping
  RuleSetBody list() {
    return body(store.current());
  }

  @PutMapping
  RuleSetBody replace(@RequestBody RuleSetBody request, CurrentUser user) {
    if (request.rules() == null) {
      throw ApiProblem.badField("rules", "必填 required");
    }
    List<RuleDraft> drafts =
        request.rules().stream().map(r -> r == null ? null : r.draft()).toList();
    try {
      return body(store.replace(drafts, user.sub()));
    } catch (InvalidRuleException e) {
      throw ApiProblem.badField(e.field(), e.getMessage());
    } catch (RuleStore.ConcurrentRuleChangeException e) {
      throw ApiProblem.conflict(
          "rules-changed", "规则已被他人修改，请重新读取 the rules were changed meanwhile, read them again");
    }
  }

  private static RuleSetBody body(RuleStore.RuleSet set) {
    return new RuleSetBody(
        set.revision(),
        set.rules().stream().map(RuleDraft::of).map(RuleBody::of).toList(),
        set.history());
  }
}
