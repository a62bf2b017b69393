package gov.supervision.notification.rule;

import gov.supervision.notification.domain.Channel;
import gov.supervision.notification.domain.InvalidRuleException;
import gov.supervision.notification.domain.NotificationType;
import gov.supervision.notification.domain.PersonSelector;
import gov.supervision.notification.domain.RuleDraft;
import gov.supervision.notification.domain.RuleSetParser;
import gov.supervision.notification.domain.Trigger;
import gov.supervision.support.security.CurrentUser;
import gov.supervision.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
  record RuleSetBody(
      @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "版本 Revision") Long revision,
      @ArraySchema(maxItems = RuleSetParser.MAX_RULES) List<RuleBody> rules,
      @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "修改记录 Changes")
          List<ChangeBody> history) {

    /** What a caller sends, as the OpenAPI document shows it (its request example). */
    public static final RuleSetBody EXAMPLE =
        new RuleSetBody(
            null,
            List.of(
                new RuleBody(
                    "ITEM_OVERDUE",
                    "ITEM_OVERDUE",
                    List.of("RESPONSIBLE_PERSON"),
                    List.of(),
                    List.of("INSPECTOR"),
                    List.of("IN_APP", "EMAIL"),
                    true)),
            null);
  }

  /** Who changed the rule set when (the rules themselves are in {@code /history}). */
  record ChangeBody(long revision, String updatedBy, Instant updatedAt) {}

  /**
   * One change with the rule set before and after it ({@code null} where a change was stored before
   * the rules were kept with it; {@code before} is {@code null} for the first).
   */
  record ChangeDetail(
      long revision,
      String updatedBy,
      Instant updatedAt,
      List<RuleBody> before,
      List<RuleBody> after) {}

  /** A page of changes, newest first. */
  record ChangePage(List<ChangeDetail> content, int page, int size, long totalElements) {}

  /** One rule as JSON. */
  record RuleBody(
      @Schema(implementation = Trigger.class) String event,
      @Schema(implementation = NotificationType.class) String type,
      @ArraySchema(schema = @Schema(implementation = PersonSelector.class), maxItems = 4)
          List<String> persons,
      @ArraySchema(
              schema = @Schema(pattern = RuleSetParser.SUB, maxLength = 100),
              maxItems = RuleSetParser.MAX_ADDRESSEES)
          List<String> users,
      @ArraySchema(
              schema = @Schema(pattern = RuleSetParser.ROLE, maxLength = 40),
              maxItems = RuleSetParser.MAX_ADDRESSEES)
          List<String> roles,
      @ArraySchema(schema = @Schema(implementation = Channel.class), maxItems = 3)
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

  /** Every change of the rule set, newest first, with the rules before and after it. */
  @GetMapping("/history")
  ChangePage history(
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    List<RuleStore.Change> changes = store.current().history();
    List<ChangeDetail> newestFirst = new ArrayList<>();
    for (int i = changes.size() - 1; i >= 0; i--) {
      RuleStore.Change change = changes.get(i);
      newestFirst.add(
          new ChangeDetail(
              change.revision(),
              change.updatedBy(),
              change.updatedAt(),
              i == 0 ? null : bodies(changes.get(i - 1).rules()),
              bodies(change.rules())));
    }
    int from = (int) Math.min((long) page * size, newestFirst.size());
    int to = Math.min(from + size, newestFirst.size());
    return new ChangePage(newestFirst.subList(from, to), page, size, newestFirst.size());
  }

  private static List<RuleBody> bodies(List<RuleDraft> rules) {
    return rules == null ? null : rules.stream().map(RuleBody::of).toList();
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
        set.history().stream()
            .map(c -> new ChangeBody(c.revision(), c.updatedBy(), c.updatedAt()))
            .toList());
  }
}
