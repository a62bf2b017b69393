package gov.supervision.gateway.security;

import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity.HeaderSpec;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Who may pass the door. Two ways in, with the same role rules: machines (and scripts) send a
 * bearer token and are checked statelessly here; people in the browser have a session (see {@code
 * gov.supervision.gateway.people.PeopleSecurityConfig}). Health, Prometheus metrics and the OpenAPI
 * pages are open; every other path needs a caller; the rows of {@code supervision.access.rules} add
 * role checks. Refusals are problem+json (401, 403). Spring Security's default headers stay on,
 * plus a referrer policy and a content security policy.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

  /** Paths open without a token. */
  public static final String[] OPEN = {
    "/actuator/health",
    "/actuator/health/**",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/webjars/**"
  };

  /** Enough for the console, the API (nothing) and the Swagger UI (own assets only). */
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          + "font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
          + "form-action 'self'";

  /** Requests that carry an {@code Authorization: Bearer} header. */
  public static final ServerWebExchangeMatcher BEARER =
      exchange -> {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? ServerWebExchangeMatcher.MatchResult.match()
            : ServerWebExchangeMatcher.MatchResult.notMatch();
      };

  /**
   * No Micrometer observations of Spring Security's own steps (each filter of the chain, each
   * authentication and authorization): they cost a large share of the gateway's CPU per request and
   * add nothing the request's server span, its metrics and the access line do not already say.
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** Callers with a bearer token: stateless, no CSRF (nothing ambient to forge). */
  @Bean
  @Order(1)
  SecurityWebFilterChain machineSecurity(
      ServerHttpSecurity http,
      AccessProperties access,
      Problems problems,
      @Value("${spring.security.oauth2.resourceserver.jwt.principal-claim-name:sub}")
          String principalClaim) {
    http.securityMatcher(BEARER)
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .headers(SecurityConfig::headers)
        .authorizeExchange(
            exchanges -> {
              rules(exchanges, access);
              exchanges.anyExchange().authenticated();
            })
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(
                                    new RolesConverter(principalClaim))))
                    .authenticationEntryPoint(
                        (exchange, e) -> problems.write(exchange, GatewayProblem.UNAUTHORIZED))
                    .accessDeniedHandler(
                        (exchange, e) -> problems.write(exchange, GatewayProblem.FORBIDDEN)))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                        (exchange, e) -> problems.write(exchange, GatewayProblem.UNAUTHORIZED))
                    .accessDeniedHandler(
                        (exchange, e) -> problems.write(exchange, GatewayProblem.FORBIDDEN)));
    return http.build();
  }

  /** The security headers of every answer. */
  public static void headers(HeaderSpec headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
  }

  /**
   * The door's rules, the same for both ways in: open paths, then the access table, then any
   * caller.
   */
  public static void rules(AuthorizeExchangeSpec exchanges, AccessProperties access) {
    exchanges.pathMatchers(OPEN).permitAll();
    for (AccessProperties.Rule rule : access.rules()) {
      String[] roles = rule.roles().toArray(String[]::new);
      if (rule.methods().isEmpty()) {
        exchanges.pathMatchers(rule.path()).hasAnyRole(roles);
      } else {
        for (String method : rule.methods()) {
          exchanges
              .pathMatchers(HttpMethod.valueOf(method.toUpperCase()), rule.path())
              .hasAnyRole(roles);
        }
      }
    }
  }
}
