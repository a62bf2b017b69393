package gov.supervision.localstack.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import gov.supervision.localstack.support.ParentWatch;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The local stack's OAuth2 issuer (Spring Authorization Server): the demo clients of the public
 * contract, client-credentials grant, JWT access tokens carrying {@code roles} and {@code unit}
 * claims, signed with a key that survives restarts. Configured by {@code auth-server.properties};
 * run with {@code AuthServer --server.port=9000 --localstack.auth.key-dir=.local/auth}.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class AuthServer {

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
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElseChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    return http.build();
  }

  /** No interactive users: the demo identities are clients. */
  @Bean
  UserDetailsService noUsers() {
    return new InMemoryUserDetailsManager();
  }

  @Bean
  RegisteredClientRepository demoClients(AuthProperties properties) {
    TokenSettings tokens =
        TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build();
    List<RegisteredClient> clients =
        DemoClient.ALL.stream()
            .map(
                demo ->
                    RegisteredClient.withId(
                            UUID.nameUUIDFromBytes(demo.clientId().getBytes()).toString())
                        .clientId(demo.clientId())
                        .clientSecret("{noop}" + demo.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokens)
                        .build())
            .toList();
    return new InMemoryRegisteredClientRepository(clients);
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> rolesAndUnitClaims(AuthProperties properties) {
    return context -> {
      if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        return;
      }
      DemoClient.byId(context.getRegisteredClient().getClientId())
          .ifPresent(
              demo -> {
                context.getClaims().claim("roles", demo.roles());
                if (demo.unit() != null) {
                  context.getClaims().claim("unit", demo.unit());
                }
                if (properties.audience() != null && !properties.audience().isEmpty()) {
                  context.getClaims().audience(properties.audience());
                }
              });
    };
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
