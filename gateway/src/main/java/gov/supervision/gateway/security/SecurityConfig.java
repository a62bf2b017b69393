package gov.supervision.gateway.security;

import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * Who may pass the door: health, Prometheus metrics and the OpenAPI pages are open; every other
 * path needs a valid JWT; the rows of {@code supervision.access.rules} add role checks. Refusals
 * are problem+json (401, 403). Spring Security's default headers stay on, plus a referrer policy
 * and a content security policy.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

  /** Paths open without a token. */
  static final String[] OPEN = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/prometheus",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/webjars/**"
  };

  /** Enough for the API (nothing) and for the Swagger UI (own scripts, styles and images). */
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

  @Bean
  SecurityWebFilterChain gatewaySecurity(
      ServerHttpSecurity http,
      AccessProperties access,
      Problems problems,
      @Value("${spring.security.oauth2.resourceserver.jwt.principal-claim-name:sub}")
          String principalClaim) {
    http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .authorizeExchange(
            exchanges -> {
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
}
