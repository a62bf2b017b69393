package gov.supervision.support.security;

import gov.supervision.contracts.TokenRoles;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in caller as the token names it: {@code sub} (or the claim named by {@code
 * spring.security.oauth2.resourceserver.jwt.principal-claim-name}, e.g. Keycloak's {@code
 * preferred_username}), role codes (read by {@link TokenRoles} from {@code roles} and Keycloak's
 * {@code realm_access.roles}) and the optional {@code unit} claim.
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
      return new CurrentUser(
          token.getName(), TokenRoles.of(jwt.getClaims()), jwt.getClaimAsString("unit"));
    }
    throw new IllegalStateException("not a token-authenticated request");
  }

  /** The caller named by a verified JWT. */
  public static CurrentUser from(Jwt jwt) {
    return new CurrentUser(
        jwt.getSubject(), TokenRoles.of(jwt.getClaims()), jwt.getClaimAsString("unit"));
  }
}
