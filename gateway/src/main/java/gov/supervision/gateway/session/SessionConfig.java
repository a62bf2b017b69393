package gov.supervision.gateway.session;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * People's sessions: Spring Session's WebFlux support over {@link MongoSessionRepository}, and the
 * session cookie ({@code HttpOnly}, {@code SameSite=Lax} so the issuer's redirect back keeps it,
 * {@code Secure} unless switched off for plain-HTTP local runs).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
@EnableScheduling
@EnableConfigurationProperties(SessionProperties.class)
public class SessionConfig {

  private static final Logger log = LoggerFactory.getLogger(SessionConfig.class);

  @Bean
  MongoSessionRepository sessionRepository(
      ReactiveMongoOperations mongo, SessionProperties properties) {
    MongoSessionRepository repository =
        new MongoSessionRepository(mongo, properties, Clock.systemUTC());
    repository
        .createIndexes()
        .subscribe(
            null,
            e -> log.warn("session index not created (retried at next start): {}", e.toString()));
    return repository;
  }

  @Bean
  WebSessionIdResolver webSessionIdResolver(SessionProperties properties) {
    CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
    resolver.setCookieName(properties.cookieName());
    resolver.addCookieInitializer(
        cookie ->
            cookie.httpOnly(true).sameSite("Lax").secure(properties.secureCookie()).path("/"));
    return resolver;
  }

  @Bean
  SessionSweep sessionSweep(MongoSessionRepository repository) {
    return new SessionSweep(repository);
  }

  /** Removes ended sessions every {@code supervision.session.sweep-interval}. */
  static final class SessionSweep {
    private final MongoSessionRepository repository;

    SessionSweep(MongoSessionRepository repository) {
      this.repository = repository;
    }

    @Scheduled(
        fixedDelayString = "${supervision.session.sweep-interval:1m}",
        initialDelayString = "${supervision.session.sweep-interval:1m}")
    void sweep() {
      Long removed = repository.removeExpired().onErrorReturn(0L).block();
      if (removed != null && removed > 0) {
        log.info("removed {} ended sessions", removed);
      }
    }
  }
}
