package gov.supervision.contracts;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The role codes a token (or a signed-in person's claims) grants: the one reading of the claim
 * contract between the issuers and the gateway and services, see docs/api.md.
 *
 * <p>Roles come from the {@code roles} claim (the local issuer) and Keycloak's {@code
 * realm_access.roles}, both taken when both are there. A claim is a list of strings or one string
 * of codes separated by spaces or commas. Every code is trimmed; blank codes, elements that are not
 * strings and claims of any other type are left out, so a malformed token grants less, never an
 * empty or padded role.
 */
public final class TokenRoles {

  /** The claim with the role codes (a list or a space- or comma-separated string). */
  public static final String ROLES = "roles";

  /** Keycloak's object claim whose {@code roles} member lists the realm roles. */
  public static final String REALM_ACCESS = "realm_access";

  /** What a role code becomes as a Spring Security authority: {@code ROLE_INSPECTOR}. */
  public static final String AUTHORITY_PREFIX = "ROLE_";

  private TokenRoles() {}

  /** The role codes in {@code claims}, sorted and without repeats; empty when none. */
  public static SortedSet<String> of(Map<String, ?> claims) {
    SortedSet<String> roles = new TreeSet<>();
    if (claims == null) {
      return Collections.unmodifiableSortedSet(roles);
    }
    addCodes(roles, claims.get(ROLES));
    if (claims.get(REALM_ACCESS) instanceof Map<?, ?> realm) {
      addCodes(roles, realm.get(ROLES));
    }
    return Collections.unmodifiableSortedSet(roles);
  }

  /**
   * The authority names, {@code ROLE_<code>}, of the role codes in {@code claims}: what the gateway
   * and the services grant a token or a signed-in person.
   */
  public static List<String> authorities(Map<String, ?> claims) {
    return of(claims).stream().map(code -> AUTHORITY_PREFIX + code).toList();
  }

  private static void addCodes(SortedSet<String> into, Object claim) {
    if (claim instanceof Collection<?> values) {
      for (Object value : values) {
        if (value instanceof String code) {
          addCode(into, code);
        }
      }
    } else if (claim instanceof String codes) {
      for (String code : codes.split("[\\s,]+")) {
        addCode(into, code);
      }
    }
  }

  private static void addCode(SortedSet<String> into, String code) {
    String trimmed = code.strip();
    if (!trimmed.isEmpty()) {
      into.add(trimmed);
    }
  }
}
