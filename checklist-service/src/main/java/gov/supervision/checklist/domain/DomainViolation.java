package gov.supervision.checklist.domain;

/**
 * A command the domain refuses. {@code field} names the input at fault when the input is missing
 * (400), otherwise the current state forbids it (409).
 */
public class DomainViolation extends RuntimeException {

  private final String code;
  private final String field;

  private DomainViolation(String code, String field, String message) {
    super(message);
    this.code = code;
    this.field = field;
  }

  /** The current state does not allow the change. */
  public static DomainViolation conflict(String code, String message) {
    return new DomainViolation(code, null, message);
  }

  /** The change needs input that is missing. */
  public static DomainViolation missing(String field, String message) {
    return new DomainViolation("invalid-input", field, message);
  }

  public String code() {
    return code;
  }

  /** The input field at fault, or null for a state conflict. */
  public String field() {
    return field;
  }

  public boolean isConflict() {
    return field == null;
  }
}
