package gov.supervision.support.web;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Input hygiene shared by the services: strict JSON (unknown fields and missing primitives are
 * errors), a guarded body, request ids, and the one problem+json advice.
 */
@AutoConfiguration
@Import(ProblemHandler.class)
public class WebAutoConfiguration {

  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return builder ->
        builder
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration =
        new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * {@code supervision.web.idempotency.lease}: after how long the claim of a request that never
   * finished (its instance died) may be taken over by the same request again; well above the
   * longest time the gateway waits for a service (3 s, uploads 60 s). {@code .retention}: how long
   * a key and its answer are kept.
   */
  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      MongoTemplate mongo,
      JsonMapper json,
      Clock clock,
      @Value("${supervision.web.idempotency.lease:2m}") Duration lease,
      @Value("${supervision.web.idempotency.retention:24h}") Duration retention) {
    IdempotencyFilter filter = new IdempotencyFilter(mongo, json, clock, lease, retention);
    filter.createIndexes();
    FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(1); // after the body guard: sees a checked, replayable body
    return registration;
  }

  @Bean
  FilterRegistrationBean<JsonBodyGuardFilter> jsonBodyGuardFilter(
      JsonMapper json,
      @Value("${supervision.web.max-body:1MB}") DataSize maxBody,
      @Value("${supervision.web.max-upload:10MB}") DataSize maxUpload) {
    FilterRegistrationBean<JsonBodyGuardFilter> registration =
        new FilterRegistrationBean<>(
            new JsonBodyGuardFilter(json, maxBody.toBytes(), maxUpload.toBytes()));
    registration.setOrder(0); // after Spring Security (-100): 401 comes before 400/413
    return registration;
  }
}
