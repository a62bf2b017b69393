package gov.supervision.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Authorities {@code ROLE_<code>} from the {@code roles} claim or {@code realm_access.roles}. */
public class RolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String principalClaim;

  /** Names the caller by {@code principalClaim}, falling back to {@code sub}. */
  public RolesConverter(String principalClaim) {
    this.principalClaim = principalClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    List<GrantedAuthority> authorities = authorities(rolesOf(jwt));
    String name = jwt.getClaimAsString(principalClaim);
    return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
  }

  /** {@code ROLE_<code>} for each role code. */
  public static List<GrantedAuthority> authorities(Set<String> roles) {
    return roles.stream()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }

  /** Role codes from {@code roles}, else from {@code realm_access.roles}. */
  static Set<String> rolesOf(Jwt jwt) {
    return rolesOf(jwt.getClaims());
  }

  /** Role codes from the claims {@code roles}, else {@code realm_access.roles} (tokens, users). */
  public static Set<String> rolesOf(Map<String, Object> claims) {
    Set<String> roles = new TreeSet<>();
    addStrings(roles, claims.get("roles"));
    if (claims.get("realm_access") instanceof Map<?, ?> realm) {
      addStrings(roles, realm.get("roles"));
    }
    return roles;
  }

  private static void addStrings(Set<String> into, Object claim) {
    if (claim instanceof Collection<?> values) {
      values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(into::add);
    } else if (claim instanceof String value && !value.isBlank()) {
      into.addAll(List.of(value.trim().split("[ ,]+")));
    }
  }
}
