package gov.supervision.localstack;

/** A part of the local stack could not start; the message names the part and what to do. */
public class LocalStackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message fit for the person who ran the stack. */
  public LocalStackException(String message) {
    super(message);
  }
}
