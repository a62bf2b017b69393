package gov.supervision.notification.rule;

import java.time.Instant;

/** Who changed the rule set when (the rules themselves are in {@code /history}). */
record ChangeBody(long revision, String updatedBy, Instant updatedAt) {}
