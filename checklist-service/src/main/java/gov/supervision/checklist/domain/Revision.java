package gov.supervision.checklist.domain;

import java.time.Instant;

/** A recorded change to a published checklist, with its reason (修订记录). */
public record Revision(Instant at, String actor, String reason, String change) {}
