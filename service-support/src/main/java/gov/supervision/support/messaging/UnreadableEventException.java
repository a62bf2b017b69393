package gov.supervision.support.messaging;

/**
 * A record that can never be read (missing CloudEvents headers, malformed body): retrying cannot
 * help, so it goes straight to the dead-letter topic.
 */
public class UnreadableEventException extends RuntimeException {

  public UnreadableEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
