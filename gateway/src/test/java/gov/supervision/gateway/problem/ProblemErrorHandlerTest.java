package gov.supervision.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

class ProblemErrorHandlerTest {

  @Test
  void failuresMapToTheirProblems() {
    CircuitBreaker open = CircuitBreaker.ofDefaults("x");
    open.transitionToOpenState();
    assertThat(
            ProblemErrorHandler.classify(
                CallNotPermittedException.createCallNotPermittedException(open)))
        .isEqualTo(GatewayProblem.SERVICE_UNAVAILABLE);
    assertThat(ProblemErrorHandler.classify(new ServiceUnavailableException()))
        .isEqualTo(GatewayProblem.SERVICE_UNAVAILABLE);
    assertThat(
            ProblemErrorHandler.classify(
                new IllegalStateException(new ConnectException("Connection refused"))))
        .isEqualTo(GatewayProblem.SERVICE_UNAVAILABLE);
    assertThat(
            ProblemErrorHandler.classify(
                new ResponseStatusException(
                    HttpStatus.GATEWAY_TIMEOUT, "late", new TimeoutException())))
        .isEqualTo(GatewayProblem.GATEWAY_TIMEOUT);
    assertThat(ProblemErrorHandler.classify(new DataBufferLimitException("big")))
        .isEqualTo(GatewayProblem.PAYLOAD_TOO_LARGE);
    assertThat(ProblemErrorHandler.classify(new AuthenticationServiceException("no keys")))
        .isEqualTo(GatewayProblem.IDENTITY_PROVIDER_UNAVAILABLE);
    assertThat(ProblemErrorHandler.classify(new ResponseStatusException(HttpStatus.NOT_FOUND)))
        .isEqualTo(GatewayProblem.NOT_FOUND);
    assertThat(
            ProblemErrorHandler.classify(
                BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("x"))))
        .isEqualTo(GatewayProblem.SERVICE_BUSY);
    assertThat(ProblemErrorHandler.classify(new IllegalStateException("bug"))).isNull();
  }
}
