package gov.supervision.notification.rule;

import java.time.Instant;
import java.util.List;

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
