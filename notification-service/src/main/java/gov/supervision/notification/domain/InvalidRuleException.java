package gov.supervision.notification.domain;

/** A rule set that cannot be accepted; {@code field} names the first offending value. */
public class InvalidRuleException extends RuntimeException {

  private final String field;

  public InvalidRuleException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
