package gov.supervision.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in caller as the token names it: {@code sub} (or the claim named by {@code
 * spring.security.oauth2.resourceserver.jwt.principal-claim-name}, e.g. Keycloak's {@code
 * preferred_username}), role codes (from {@code roles} or Keycloak's {@code realm_access.roles})
 * and the optional {@code unit} claim.
 */
public record CurrentUser(String sub, Set<String> roles, String unit) {

  public CurrentUser {
    roles = Set.copyOf(roles);
  }

  /** Whether the caller holds the role code, e.g. {@code INSPECTOR}. */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Whether the caller holds any of the role codes. */
  public boolean hasAnyRole(String... codes) {
    for (String code : codes) {
      if (roles.contains(code)) {
        return true;
      }
    }
    return false;
  }

  /** The caller of a request authenticated by a JWT. */
  public static CurrentUser from(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken token) {
      Jwt jwt = token.getToken();
      return new CurrentUser(token.getName(), rolesOf(jwt), jwt.getClaimAsString("unit"));
    }
    throw new IllegalStateException("not a token-authenticated request");
  }

  /** The caller named by a verified JWT. */
  public static CurrentUser from(Jwt jwt) {
    return new CurrentUser(jwt.getSubject(), rolesOf(jwt), jwt.getClaimAsString("unit"));
  }

  /** Role codes from {@code roles}, else from {@code realm_access.roles}. */
  static Set<String> rolesOf(Jwt jwt) {
    Set<String> roles = new TreeSet<>();
    addStrings(roles, jwt.getClaims().get("roles"));
    Object realmAccess = jwt.getClaims().get("realm_access");
    if (realmAccess instanceof Map<?, ?> realm) {
      addStrings(roles, realm.get("roles"));
    }
    return roles;
  }

  private static void addStrings(Set<String> into, Object claim) {
    if (claim instanceof Collection<?> values) {
      values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(into::add);
    } else if (claim instanceof String value) {
      into.addAll(List.of(value.split("[ ,]+")));
    }
  }
}
