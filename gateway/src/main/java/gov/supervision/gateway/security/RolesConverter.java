package gov.supervision.gateway.security;

import gov.supervision.contracts.TokenRoles;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authorities {@link TokenRoles#authorities} names for the token (the {@code roles} claim and
 * Keycloak's {@code realm_access.roles}, as {@code ROLE_<code>}).
 */
public class RolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String principalClaim;

  /** Names the caller by {@code principalClaim}, falling back to {@code sub}. */
  public RolesConverter(String principalClaim) {
    this.principalClaim = principalClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String name = jwt.getClaimAsString(principalClaim);
    return new JwtAuthenticationToken(
        jwt,
        AuthorityUtils.createAuthorityList(TokenRoles.authorities(jwt.getClaims())),
        name != null ? name : jwt.getSubject());
  }
}
