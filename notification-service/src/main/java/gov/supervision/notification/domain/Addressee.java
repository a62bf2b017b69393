package gov.supervision.notification.domain;

import java.util.Objects;

/** Who a notification is for: a person by {@code sub}, or everyone holding a role code. */
public record Addressee(AddresseeKind kind, String id) {

  public Addressee {
    Objects.requireNonNull(kind, "kind");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("addressee id must not be blank");
    }
  }

  /** A person by the {@code sub} of their token. */
  public static Addressee person(String sub) {
    return new Addressee(AddresseeKind.PERSON, sub);
  }

  /** Everyone holding the role code. */
  public static Addressee role(String code) {
    return new Addressee(AddresseeKind.ROLE, code);
  }

  /** A stable text form, e.g. {@code PERSON:lead-fgw}. */
  public String key() {
    return kind + ":" + id;
  }
}
