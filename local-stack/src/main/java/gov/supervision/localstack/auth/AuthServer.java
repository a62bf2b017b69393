package gov.supervision.localstack.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import gov.supervision.contracts.DemoIdentity;
import gov.supervision.localstack.support.ParentWatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The local stack's OAuth2 issuer (Spring Authorization Server). Machines: the demo clients of the
 * API contract, client-credentials grant. People: the same demo identities sign in on a zh-CN form
 * (passwords kept as BCrypt hashes) through the gateway's confidential client {@code console}
 * (authorization code with PKCE, refresh tokens, OIDC discovery and RP-initiated logout); the API
 * pages' public client {@code swagger-ui} uses the same flow. Tokens carry {@code roles}, {@code
 * unit} and {@code name} claims and are signed with a key that survives restarts. Configured by
 * {@code auth-server.properties}; run with {@code AuthServer --server.port=9000
 * --localstack.auth.key-dir=.local/auth}.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class AuthServer {

  /** The gateway's client for people. */
  public static final String CONSOLE_CLIENT = "console";

  /** The API pages' public client (Swagger UI's "Authorize"). */
  public static final String SWAGGER_CLIENT = "swagger-ui";

  /** Starts the issuer; arguments are Spring Boot properties ({@code --name=value}). */
  public static void main(String[] args) {
    ParentWatch.startIfRequested();
    application().run(args);
  }

  /** The application, set up to read {@code auth-server.properties} (for tests too). */
  public static SpringApplication application() {
    SpringApplication app = new SpringApplication(AuthServer.class);
    app.setDefaultProperties(java.util.Map.of("spring.config.name", "auth-server"));
    return app;
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(
            server -> {
              http.securityMatcher(server.getEndpointsMatcher());
              server.oidc(Customizer.withDefaults());
            })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML))
                    .defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> true))
        .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain signInChain(HttpSecurity http, AuthProperties properties) throws Exception {
    AuthProperties.LoginAttempts limits = properties.loginAttempts();
    LoginPauseFilter pause =
        new LoginPauseFilter(
            new LoginAttempts(limits.max(), limits.window(), Clock.systemUTC()),
            new LoginAttempts(limits.max() * 5, limits.window(), Clock.systemUTC()));
    SavedRequestAwareAuthenticationSuccessHandler success =
        new SavedRequestAwareAuthenticationSuccessHandler();
    SimpleUrlAuthenticationFailureHandler failure =
        new SimpleUrlAuthenticationFailureHandler("/login?error");
    http.authorizeHttpRequests(
            requests ->
                requests.requestMatchers("/login", "/error").permitAll().anyRequest().denyAll())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(
                        (request, response, authentication) -> {
                          pause.succeeded(request);
                          success.onAuthenticationSuccess(request, response, authentication);
                        })
                    .failureHandler(
                        (request, response, exception) -> {
                          pause.failed(request);
                          failure.onAuthenticationFailure(request, response, exception);
                        }))
        .addFilterBefore(pause, UsernamePasswordAuthenticationFilter.class)
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    return http.build();
  }

  /** The demo people: username = client id, password = client secret, kept as BCrypt hashes. */
  @Bean
  UserDetailsService people(PasswordEncoder passwords) {
    return new InMemoryUserDetailsManager(
        DemoIdentity.ALL.stream()
            .map(
                demo ->
                    User.withUsername(demo.id())
                        .password(passwords.encode(demo.secret()))
                        .roles(demo.roles().toArray(String[]::new))
                        .build())
            .toList());
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  RegisteredClientRepository clients(AuthProperties properties, PasswordEncoder passwords) {
    TokenSettings machineTokens =
        TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build();
    List<RegisteredClient> clients = new ArrayList<>();
    for (DemoIdentity demo : DemoIdentity.ALL) {
      clients.add(
          RegisteredClient.withId(stableId(demo.id()))
              .clientId(demo.id())
              .clientSecret(passwords.encode(demo.secret()))
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .tokenSettings(machineTokens)
              .build());
    }
    AuthProperties.Console console = properties.console();
    TokenSettings peopleTokens =
        TokenSettings.builder()
            .accessTokenTimeToLive(console.accessTokenLifetime())
            .refreshTokenTimeToLive(console.refreshTokenLifetime())
            .reuseRefreshTokens(false)
            .build();
    ClientSettings pkce =
        ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build();
    clients.add(
        RegisteredClient.withId(stableId(CONSOLE_CLIENT))
            .clientId(CONSOLE_CLIENT)
            .clientName("政治监督工作平台")
            .clientSecret(passwords.encode(console.secret()))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .redirectUris(
                uris ->
                    console
                        .gatewayUrls()
                        .forEach(url -> uris.add(url + "/login/oauth2/code/console")))
            .postLogoutRedirectUris(
                uris -> console.gatewayUrls().forEach(url -> uris.add(url + "/")))
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.PROFILE)
            .clientSettings(pkce)
            .tokenSettings(peopleTokens)
            .build());
    clients.add(
        RegisteredClient.withId(stableId(SWAGGER_CLIENT))
            .clientId(SWAGGER_CLIENT)
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUris(
                uris ->
                    console
                        .gatewayUrls()
                        .forEach(url -> uris.add(url + "/swagger-ui/oauth2-redirect.html")))
            .scope(OidcScopes.OPENID)
            .clientSettings(pkce)
            .tokenSettings(peopleTokens)
            .build());
    return new InMemoryRegisteredClientRepository(clients);
  }

  private static String stableId(String clientId) {
    return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The claims of the demo identity named by the token's principal (the client for machines, the
   * person for people): {@code roles}, {@code unit} and {@code name} in access and ID tokens, and
   * the configured audience in access tokens.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> identityClaims(AuthProperties properties) {
    return context -> {
      boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
      boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
      if (!access && !id) {
        return;
      }
      DemoIdentity.byId(context.getPrincipal().getName())
          .ifPresent(
              demo -> {
                context.getClaims().claim("roles", demo.roles());
                context.getClaims().claim("name", demo.name());
                if (demo.unit() != null) {
                  context.getClaims().claim("unit", demo.unit());
                }
              });
      if (access && properties.audience() != null && !properties.audience().isEmpty()) {
        context.getClaims().audience(properties.audience());
      }
    };
  }

  /** Lets OIDC logout find the person's session at the issuer (the ID token's {@code sid}). */
  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(AuthProperties properties) {
    return new ImmutableJWKSet<>(new JWKSet(SigningKeyStore.loadOrCreate(properties.keyDir())));
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
  }
}
