package gov.supervision.evaluation.domain;

/**
 * A domain rule refused a change: {@code CONFLICT} for a state that does not allow it (HTTP 409),
 * {@code INVALID} for bad input naming {@code field} (HTTP 400).
 */
public class RuleViolation extends RuntimeException {

  /** How serious the refusal is. */
  public enum Kind {
    CONFLICT,
    INVALID
  }

  private final Kind kind;
  private final String code;
  private final String field;

  public RuleViolation(Kind kind, String code, String field, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.field = field;
  }

  /** 400 naming a field. */
  public static RuleViolation invalid(String field, String message) {
    return new RuleViolation(Kind.INVALID, "invalid-input", field, message);
  }

  /** 409 with a problem slug. */
  public static RuleViolation conflict(String code, String message) {
    return new RuleViolation(Kind.CONFLICT, code, null, message);
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
