package gov.supervision.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The routes: one per service, id = service name = Resilience4j instance name (circuit breaker and
 * time limiter, configured under {@code resilience4j.*.instances.<service>}), each with its own
 * paths and its dead letters ({@code /api/dead-letters/<service>/**}), with retries for GET and
 * HEAD only inside the circuit breaker; and one route per service for its OpenAPI document at
 * {@code /v3/api-docs/<service>}, its {@code servers} pointed at the gateway. Every route goes to
 * {@code lb://<service>}: Spring Cloud LoadBalancer picks one of the service's instances ({@code
 * supervision.routes.<service>}, see {@code balancing}), and a retried GET goes to another one. A
 * person's call (session) gets the person's access token relayed ({@code TokenRelay}, refreshed
 * when it runs out); a bearer token passes as it came. Nothing routes to a service's {@code
 * /actuator}.
 *
 * <p>File uploads (evidence up to 20 MiB, Excel imports) take longer than the 3 s every other call
 * gets: a POST to one of the upload paths goes by a route of its own, matched first, whose
 * Resilience4j instance is {@code <service>-upload} (its own time limit and circuit breaker) and
 * whose HTTP response timeout follows that limit.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

  static final String CHECKLIST = "checklist-service";

  static final String EVALUATION = "evaluation-service";
  static final String NOTIFICATION = "notification-service";
  static final String UPLOAD = "-upload";

  /** How much longer than an upload route's time limit its HTTP client waits (a backstop only). */
  static final Duration UPLOAD_BACKSTOP = Duration.ofSeconds(10);

  @Bean
  RouteLocator serviceRoutes(
      RouteLocatorBuilder builder,
      RetryProperties retry,
      ReactiveClientRegistrationRepository registrations,
      TimeLimiterRegistry timeLimiters,
      @Value("${supervision.people.registration:console}") String registration) {
    ApiDocServers apiDocServers = new ApiDocServers(registrations, registration);
    return builder
        .routes()
        .route(
            CHECKLIST + UPLOAD,
            r ->
                upload(
                    r,
                    CHECKLIST,
                    balanced(CHECKLIST),
                    timeLimiters,
                    "/api/items/*/attachments",
                    "/api/findings/*/attachments",
                    "/api/checklists/*/items/import"))
        .route(
            EVALUATION + UPLOAD,
            r -> upload(r, EVALUATION, balanced(EVALUATION), timeLimiters, "/api/cadres/import"))
        .route(
            CHECKLIST,
            r ->
                r.path(
                        "/api/checklists/**",
                        "/api/items/**",
                        "/api/findings/**",
                        "/api/attachments/**",
                        "/api/units/**",
                        deadLetters(CHECKLIST))
                    .filters(f -> resilient(f, CHECKLIST, retry))
                    .uri(balanced(CHECKLIST)))
        .route(
            EVALUATION,
            r ->
                r.path(
                        "/api/cadres/**",
                        "/api/review-cases/**",
                        "/api/access-log/**",
                        deadLetters(EVALUATION))
                    .filters(f -> resilient(f, EVALUATION, retry))
                    .uri(balanced(EVALUATION)))
        .route(
            NOTIFICATION,
            r ->
                r.path(
                        "/api/notifications/**",
                        "/api/notification-rules/**",
                        deadLetters(NOTIFICATION))
                    .filters(f -> resilient(f, NOTIFICATION, retry))
                    .uri(balanced(NOTIFICATION)))
        .route(
            CHECKLIST + "-api-docs", r -> apiDocs(r, CHECKLIST, balanced(CHECKLIST), apiDocServers))
        .route(
            EVALUATION + "-api-docs",
            r -> apiDocs(r, EVALUATION, balanced(EVALUATION), apiDocServers))
        .route(
            NOTIFICATION + "-api-docs",
            r -> apiDocs(r, NOTIFICATION, balanced(NOTIFICATION), apiDocServers))
        .build();
  }

  /**
   * The service's dead letters ({@code /api/dead-letters/<service>}, service-support's replay):
   * each service answers for its own.
   */
  static String deadLetters(String service) {
    return "/api/dead-letters/" + service + "/**";
  }

  /** The service's instances, chosen per call by Spring Cloud LoadBalancer. */
  static URI balanced(String service) {
    return URI.create("lb://" + service);
  }

  private static GatewayFilterSpec resilient(
      GatewayFilterSpec filters, String service, RetryProperties retry) {
    return filters
        .tokenRelay()
        .circuitBreaker(cb -> cb.setName(service))
        .retry(
            r -> {
              RetryConfig config =
                  r.setRetries(retry.retries())
                      .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                      .setSeries()
                      .setStatuses(
                          HttpStatus.BAD_GATEWAY,
                          HttpStatus.SERVICE_UNAVAILABLE,
                          HttpStatus.GATEWAY_TIMEOUT)
                      .setExceptions(IOException.class, TimeoutException.class);
              config.setBackoff(retry.firstBackoff(), retry.maxBackoff(), 2, false);
            });
  }

  /**
   * A POST to one of {@code paths}: relayed token and circuit breaker as on the service's route,
   * but the time limit of {@code <service>-upload}, no retry (nothing here is a GET).
   */
  private static Buildable<Route> upload(
      PredicateSpec route,
      String service,
      URI target,
      TimeLimiterRegistry timeLimiters,
      String... paths) {
    String instance = service + UPLOAD;
    Duration limit = timeLimiters.timeLimiter(instance).getTimeLimiterConfig().getTimeoutDuration();
    return route
        .order(-1)
        .method(HttpMethod.POST)
        .and()
        .path(paths)
        .filters(f -> f.tokenRelay().circuitBreaker(cb -> cb.setName(instance)))
        .metadata(RESPONSE_TIMEOUT_ATTR, limit.plus(UPLOAD_BACKSTOP).toMillis())
        .uri(target);
  }

  private static Buildable<Route> apiDocs(
      PredicateSpec route, String service, URI target, ApiDocServers apiDocServers) {
    return route
        .path("/v3/api-docs/" + service)
        .and()
        .method(HttpMethod.GET)
        .filters(
            f ->
                f.rewritePath("/v3/api-docs/" + service, "/v3/api-docs")
                    .modifyResponseBody(String.class, String.class, apiDocServers))
        .uri(target);
  }
}
