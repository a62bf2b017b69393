package gov.supervision.support.web;

/** One field at fault in a 400 answer: {@code errors: [{field, message}]}. */
public record FieldProblem(String field, String message) {}
