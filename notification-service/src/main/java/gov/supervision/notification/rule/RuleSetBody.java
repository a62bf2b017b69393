package gov.supervision.notification.rule;

import gov.supervision.notification.domain.RuleDraft;
import gov.supervision.notification.domain.RuleSetParser;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The rule set as JSON: {@code {revision,
 * rules:[{event,type,persons,users,roles,channels,enabled}]}}. A PUT sends the rules; {@code
 * revision} and {@code history} are only read back.
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

  static RuleSetBody of(RuleStore.RuleSet set) {
    return new RuleSetBody(
        set.revision(),
        set.rules().stream().map(RuleDraft::of).map(RuleBody::of).toList(),
        set.history().stream()
            .map(c -> new ChangeBody(c.revision(), c.updatedBy(), c.updatedAt()))
            .toList());
  }

  /** The drafts of the rules sent; null without {@code rules} (which the parser refuses). */
  List<RuleDraft> drafts() {
    return rules == null ? null : rules.stream().map(r -> r == null ? null : r.draft()).toList();
  }
}
