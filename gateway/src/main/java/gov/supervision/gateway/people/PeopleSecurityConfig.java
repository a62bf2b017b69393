package gov.supervision.gateway.people;

import gov.supervision.gateway.directory.PeopleDirectory;
import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import gov.supervision.gateway.security.AccessProperties;
import gov.supervision.gateway.security.SecurityConfig;
import gov.supervision.gateway.session.SessionProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The door for people (everything without a bearer token): sign-in by {@code oauth2Login} with the
 * {@code console} registration, the security context and the tokens in the shared session,
 * refreshed when they run out ({@link #authorizedClientManager}, used by the routes' {@code
 * TokenRelay}); CSRF by cookie {@code XSRF-TOKEN} and header {@code X-XSRF-TOKEN}. A page asked for
 * without a session is redirected to sign-in and comes back afterwards; {@code /api/**} (and
 * anything not asking for HTML) is 401 problem+json instead, never a redirect. {@code POST /logout}
 * ends the session and answers the issuer's end-session URL.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeopleSecurityConfig.PeopleProperties.class)
public class PeopleSecurityConfig {

  /** Where sign-in starts (Spring Security's authorization request endpoint). */
  static final String SIGN_IN = "/oauth2/authorization/console";

  /** The console's own files and the sign-in endpoints, open to anyone. */
  static final String[] CONSOLE_ASSETS = {
    "/assets/**", "/favicon.ico", "/logo.svg", "/oauth2/**", "/login/oauth2/**"
  };

  /**
   * Sign-in settings ({@code supervision.people}).
   *
   * @param registration the client registration people sign in with
   * @param refreshSkew an access token this close to its end is refreshed before being relayed
   * @param endSessionUri the issuer's end-session endpoint when its discovery document is not read
   *     (registrations configured endpoint by endpoint)
   */
  @ConfigurationProperties("supervision.people")
  public record PeopleProperties(
      @DefaultValue("console") String registration,
      @DefaultValue("30s") Duration refreshSkew,
      String endSessionUri) {}

  @Bean
  @Order(2)
  SecurityWebFilterChain peopleSecurity(
      ServerHttpSecurity http,
      AccessProperties access,
      Problems problems,
      ReactiveClientRegistrationRepository registrations,
      SessionAuthorizedClientRepository authorizedClients,
      PeopleProperties people,
      SessionProperties sessions) {
    CookieServerCsrfTokenRepository csrfCookie =
        CookieServerCsrfTokenRepository.withHttpOnlyFalse();
    csrfCookie.setCookiePath("/");
    csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    http.csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfCookie)
                    .requireCsrfProtectionMatcher(unsafeWithSession(sessions.cookieName()))
                    .accessDeniedHandler(
                        (exchange, e) -> problems.write(exchange, GatewayProblem.CSRF_REJECTED))
                    .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .headers(SecurityConfig::headers)
        .authorizeExchange(
            exchanges -> {
              SecurityConfig.rules(exchanges, access);
              exchanges.pathMatchers(CONSOLE_ASSETS).permitAll();
              exchanges.anyExchange().authenticated();
            })
        .oauth2Login(
            login ->
                login
                    .authorizationRequestResolver(withPkce(registrations))
                    .authorizedClientRepository(authorizedClients)
                    .authenticationFailureHandler(
                        (filterExchange, e) ->
                            problems.write(
                                filterExchange.getExchange(), GatewayProblem.SIGN_IN_REQUIRED)))
        .oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
        .logout(
            logout ->
                logout
                    .requiresLogout(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/logout"))
                    .logoutHandler(
                        new DelegatingServerLogoutHandler(
                            LogoutUrlHandler.keepRefreshedIdToken(authorizedClients),
                            new SecurityContextServerLogoutHandler(),
                            new WebSessionServerLogoutHandler()))
                    .logoutSuccessHandler(
                        new LogoutUrlHandler(registrations, people.endSessionUri())))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(entryPoint(problems))
                    .accessDeniedHandler(
                        (exchange, e) ->
                            problems.write(
                                exchange,
                                e instanceof CsrfException
                                    ? GatewayProblem.CSRF_REJECTED
                                    : GatewayProblem.FORBIDDEN)))
        .addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF);
    return http.build();
  }

  /**
   * Unsafe methods of a request carrying a session cookie: only a session is ambient authority a
   * forged cross-site request could use; without one the request is simply unauthenticated (401).
   */
  private static ServerWebExchangeMatcher unsafeWithSession(String cookieName) {
    return exchange ->
        !SAFE_METHODS.contains(exchange.getRequest().getMethod())
                && exchange.getRequest().getCookies().containsKey(cookieName)
            ? ServerWebExchangeMatcher.MatchResult.match()
            : ServerWebExchangeMatcher.MatchResult.notMatch();
  }

  private static final java.util.Set<HttpMethod> SAFE_METHODS =
      java.util.Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

  /** Authorization requests with PKCE, for the confidential client too. */
  private static ServerOAuth2AuthorizationRequestResolver withPkce(
      ReactiveClientRegistrationRepository registrations) {
    DefaultServerOAuth2AuthorizationRequestResolver resolver =
        new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  /** Pages: to sign-in (remembering the page); API and other non-HTML calls: 401 problem+json. */
  private static DelegatingServerAuthenticationEntryPoint entryPoint(Problems problems) {
    MediaTypeServerWebExchangeMatcher html =
        new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
    DelegateEntry toSignIn =
        new DelegateEntry(
            new AndServerWebExchangeMatcher(
                html,
                new NegatedServerWebExchangeMatcher(
                    new PathPatternParserServerWebExchangeMatcher("/api/**"))),
            new RedirectServerAuthenticationEntryPoint(SIGN_IN));
    DelegatingServerAuthenticationEntryPoint entryPoint =
        new DelegatingServerAuthenticationEntryPoint(List.of(toSignIn));
    entryPoint.setDefaultEntryPoint(
        (exchange, e) -> problems.write(exchange, GatewayProblem.SIGN_IN_REQUIRED));
    return entryPoint;
  }

  @Bean
  SessionAuthorizedClientRepository sessionAuthorizedClientRepository(
      ReactiveClientRegistrationRepository registrations) {
    return new SessionAuthorizedClientRepository(registrations);
  }

  /** Used by {@code TokenRelay}: the session's access token, refreshed when it is about to end. */
  @Bean
  ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
      ReactiveClientRegistrationRepository registrations,
      SessionAuthorizedClientRepository authorizedClients,
      PeopleProperties people) {
    DefaultReactiveOAuth2AuthorizedClientManager manager =
        new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(
        new DelegatingReactiveOAuth2AuthorizedClientProvider(
            new AuthorizationCodeReactiveOAuth2AuthorizedClientProvider(),
            new RefreshOncePerToken(
                new WebClientReactiveRefreshTokenTokenResponseClient(),
                people.refreshSkew(),
                Clock.systemUTC())));
    return manager;
  }

  @Bean
  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> personUserService(
      PeopleDirectory directory) {
    return new PersonUserService(directory);
  }
}
