package gov.supervision.checklist.domain;

/** Metadata of an attachment offered as evidence of a step (the file itself lives elsewhere). */
public record Evidence(String name, String uri) {}
