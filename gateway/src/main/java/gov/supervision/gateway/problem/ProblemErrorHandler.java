package gov.supervision.gateway.problem;

import gov.supervision.gateway.tracing.RequestLog;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure that reaches the top of the gateway into problem+json: an open circuit or an
 * unreachable service is 503, a full bulkhead 503, an unreachable identity provider (keys cannot be
 * fetched) 503, a timeout 504, a too large body 413, anything unexpected 500 without details.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  private final Problems problems;

  public ProblemErrorHandler(Problems problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    GatewayProblem kind = classify(error);
    if (kind != null) {
      try (RequestLog ids = RequestLog.of(exchange)) {
        log.warn(
            "{} {} -> {} ({})",
            exchange.getRequest().getMethod(),
            exchange.getRequest().getPath(),
            kind.status().value(),
            error.toString());
      }
      return problems.write(exchange, kind);
    }
    if (error instanceof ResponseStatusException status) {
      HttpStatusCode code = status.getStatusCode();
      HttpStatus known = HttpStatus.resolve(code.value());
      String reason = known != null ? known.getReasonPhrase() : "HTTP " + code.value();
      return problems.write(
          exchange,
          code,
          "http-" + code.value(),
          reason,
          status.getReason() != null ? status.getReason() : reason);
    }
    try (RequestLog ids = RequestLog.of(exchange)) {
      log.error(
          "{} {} failed",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          error);
    }
    return problems.write(exchange, GatewayProblem.INTERNAL);
  }

  /** The problem kind of a failure, or null when it is a plain status or unknown. */
  static GatewayProblem classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BulkheadFullException) {
        return GatewayProblem.SERVICE_BUSY;
      }
      if (t instanceof org.springframework.security.oauth2.client.ClientAuthorizationException) {
        // a person's tokens could not be refreshed (refresh token ended or revoked): sign in again
        return GatewayProblem.SIGN_IN_REQUIRED;
      }
      if (t instanceof AuthenticationServiceException) {
        return GatewayProblem.IDENTITY_PROVIDER_UNAVAILABLE;
      }
      if (t instanceof CallNotPermittedException
          || t instanceof ServiceUnavailableException
          || t instanceof ConnectException
          || t instanceof io.netty.channel.ConnectTimeoutException
          || t instanceof reactor.netty.http.client.PrematureCloseException) {
        return GatewayProblem.SERVICE_UNAVAILABLE;
      }
      if (t instanceof TimeoutException) {
        return GatewayProblem.GATEWAY_TIMEOUT;
      }
      if (t instanceof DataBufferLimitException) {
        return GatewayProblem.PAYLOAD_TOO_LARGE;
      }
      if (t instanceof ResponseStatusException status) {
        switch (status.getStatusCode().value()) {
          case 404:
            return GatewayProblem.NOT_FOUND;
          case 413:
            return GatewayProblem.PAYLOAD_TOO_LARGE;
          case 503:
            return GatewayProblem.SERVICE_UNAVAILABLE;
          case 504:
            return GatewayProblem.GATEWAY_TIMEOUT;
          default:
            return null;
        }
      }
    }
    return null;
  }
}
