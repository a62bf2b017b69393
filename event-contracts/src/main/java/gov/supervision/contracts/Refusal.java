package gov.supervision.contracts;

import java.util.Objects;

/**
 * A command a service refuses on purpose: the one exception its domain, services and stores throw.
 * The services answer it as problem+json (service-support's {@code ProblemHandler}), so the kind
 * decides the HTTP status and {@code code} the problem type:
 *
 * <ul>
 *   <li>{@link Kind#INVALID}: 400, type {@code invalid-input}, naming the field at fault;
 *   <li>{@link Kind#FORBIDDEN}: 403, type {@code forbidden};
 *   <li>{@link Kind#NOT_FOUND}: 404, type {@code not-found};
 *   <li>{@link Kind#CONFLICT}: 409, type {@code code}: the current state does not allow it.
 * </ul>
 *
 * <p>Plain Java, so a framework-free domain can throw it.
 */
public final class Refusal extends RuntimeException {

  /** Why the command is refused. */
  public enum Kind {
    INVALID,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT
  }

  private final Kind kind;
  private final String code;
  private final String field;

  private Refusal(Kind kind, String code, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = Objects.requireNonNull(code);
    this.field = field;
  }

  /** The input in {@code field} is missing or wrong; {@code message} says how. */
  public static Refusal invalid(String field, String message) {
    return new Refusal(Kind.INVALID, "invalid-input", Objects.requireNonNull(field), message);
  }

  /** The caller's role or unit may not do this. */
  public static Refusal forbidden(String message) {
    return new Refusal(Kind.FORBIDDEN, "forbidden", null, message);
  }

  /** Nobody knows {@code what} with this id (what: e.g. {@code 事项 item}). */
  public static Refusal notFound(String what, String id) {
    return new Refusal(Kind.NOT_FOUND, "not-found", null, what + " " + id + " 不存在 does not exist");
  }

  /** The current state does not allow the change; {@code code} names the rule, e.g. item-closed. */
  public static Refusal conflict(String code, String message) {
    return new Refusal(Kind.CONFLICT, code, null, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The problem type's last part: {@code invalid-input}, {@code forbidden}, ... or the rule. */
  public String code() {
    return code;
  }

  /** The input field at fault for {@link Kind#INVALID}, otherwise null. */
  public String field() {
    return field;
  }
}
