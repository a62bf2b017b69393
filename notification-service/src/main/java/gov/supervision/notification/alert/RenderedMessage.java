package gov.supervision.notification.alert;

/** A notification's title and body in one language. */
public record RenderedMessage(String title, String body) {}
