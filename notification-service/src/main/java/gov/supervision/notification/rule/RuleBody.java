package gov.supervision.notification.rule;

import gov.supervision.notification.domain.Channel;
import gov.supervision.notification.domain.NotificationType;
import gov.supervision.notification.domain.PersonSelector;
import gov.supervision.notification.domain.RuleDraft;
import gov.supervision.notification.domain.RuleSetParser;
import gov.supervision.notification.domain.Trigger;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

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

  /** The rules as JSON, or null for a change stored before the rules were kept with it. */
  static List<RuleBody> ofAll(List<RuleDraft> rules) {
    return rules == null ? null : rules.stream().map(RuleBody::of).toList();
  }

  RuleDraft draft() {
    return new RuleDraft(event, type, persons, users, roles, channels, enabled);
  }
}
