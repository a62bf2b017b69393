package gov.supervision.support.security;

import gov.supervision.contracts.TokenRoles;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into an authentication whose authorities are {@code ROLE_<code>}, one for
 * each role code {@link TokenRoles} reads from it.
 */
public class RolesAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String principalClaim;

  /** Names the caller by {@code principalClaim}, falling back to {@code sub}. */
  public RolesAuthenticationConverter(String principalClaim) {
    this.principalClaim = principalClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    List<GrantedAuthority> authorities =
        AuthorityUtils.createAuthorityList(TokenRoles.authorities(jwt.getClaims()));
    String name = jwt.getClaimAsString(principalClaim);
    return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
  }
}
