package gov.supervision.evaluation.accesslog;

/** A run of numbers without a genuine entry: {@code MISSING} or {@code GAP} (declared gaps). */
public record Gap(long from, long to, String kind) {}
