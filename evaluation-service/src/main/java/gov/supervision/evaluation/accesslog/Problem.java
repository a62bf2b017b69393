package gov.supervision.evaluation.accesslog;

/** One thing found wrong (or not checkable), at entry {@code seq} when it has one. */
public record Problem(Long seq, String kind, String message) {}
