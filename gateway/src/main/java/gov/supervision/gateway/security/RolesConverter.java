package gov.supervision.gateway.security;

import gov.supervision.contracts.TokenRoles;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authorities {@code ROLE_<code>} for the role codes {@link TokenRoles} reads from the token (the
 * {@code roles} claim and Keycloak's {@code realm_access.roles}).
 */
public class RolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String principalClaim;

  /** Names the caller by {@code principalClaim}, falling back to {@code sub}. */
  public RolesConverter(String principalClaim) {
    this.principalClaim = principalClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    List<GrantedAuthority> authorities = authorities(TokenRoles.of(jwt.getClaims()));
    String name = jwt.getClaimAsString(principalClaim);
    return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
  }

  /** {@code ROLE_<code>} for each role code. */
  public static List<GrantedAuthority> authorities(Set<String> roles) {
    return roles.stream()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }
}
