package gov.supervision.gateway.balancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;

import gov.supervision.testsupport.MutableClock;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.ResponseData;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;

/** The parts of the instance choice that are ours: configured instances, refusals, retries. */
class InstanceChoiceTest {

  private static final Duration INTERVAL = Duration.ofSeconds(2);

  private final ConfiguredInstances configured =
      new ConfiguredInstances(
          "checklist-service",
          List.of(
              URI.create("http://127.0.0.1:8081"),
              URI.create("http://127.0.0.1:8181"),
              URI.create("https://checklist.example")));
  private final List<ServiceInstance> all = configured.get().blockFirst();
  private final MutableClock clock =
      MutableClock.stoppedAt(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
  private final RefusedInstances refused = new RefusedInstances(INTERVAL, clock);

  @Test
  void configuredUrlsBecomeInstancesInTheirOrder() {
    assertThat(all)
        .extracting(
            ServiceInstance::getInstanceId, ServiceInstance::getPort, ServiceInstance::isSecure)
        .containsExactly(
            tuple("checklist-service-1", 8081, false),
            tuple("checklist-service-2", 8181, false),
            tuple("checklist-service-3", 443, true));
  }

  @Test
  void anInstanceThatRefusedAConnectionIsLeftOutForOneIntervalOnly() {
    ServiceInstanceListSupplier choice = refused.leftOut(configured);

    refused.onComplete(failed(all.get(1), new ConnectException("Connection refused")));
    assertThat(choice.get(request(Map.of())).blockFirst()).containsExactly(all.get(0), all.get(2));

    clock.advance(INTERVAL.minusMillis(1));
    assertThat(choice.get().blockFirst()).doesNotContain(all.get(1));
    clock.advance(Duration.ofMillis(1));
    assertThat(choice.get().blockFirst()).containsExactlyElementsOf(all);
  }

  @Test
  void aConnectTimeoutCountsButAResetOrASlowAnswerDoesNot() {
    ServiceInstanceListSupplier choice = refused.leftOut(configured);

    refused.onComplete(failed(all.get(0), new IOException("Connection reset by peer")));
    refused.onComplete(failed(all.get(1), new java.util.concurrent.TimeoutException()));
    assertThat(choice.get().blockFirst()).containsExactlyElementsOf(all);

    refused.onComplete(
        failed(all.get(2), new IllegalStateException(new ConnectTimeoutException("timed out"))));
    assertThat(choice.get().blockFirst()).containsExactly(all.get(0), all.get(1));
  }

  @Test
  void whenEveryInstanceRefusedAllAreOfferedAgain() {
    all.forEach(i -> refused.onComplete(failed(i, new ConnectException("Connection refused"))));

    assertThat(refused.leftOut(configured).get().blockFirst()).containsExactlyElementsOf(all);
  }

  @Test
  void aRetriedCallGoesToAnotherInstanceThanTheOneItFailedOn() {
    OtherInstanceOnRetry choice = new OtherInstanceOnRetry(configured);

    assertThat(choice.get(request(Map.of())).blockFirst()).containsExactlyElementsOf(all);
    assertThat(
            choice
                .get(
                    request(
                        Map.of(
                            GATEWAY_LOADBALANCER_RESPONSE_ATTR, new DefaultResponse(all.get(0)))))
                .blockFirst())
        .containsExactly(all.get(1), all.get(2));

    ConfiguredInstances alone =
        new ConfiguredInstances("checklist-service", List.of(URI.create("http://127.0.0.1:8081")));
    ServiceInstance only = alone.get().blockFirst().get(0);
    assertThat(
            new OtherInstanceOnRetry(alone)
                .get(request(Map.of(GATEWAY_LOADBALANCER_RESPONSE_ATTR, new DefaultResponse(only))))
                .blockFirst())
        .containsExactly(only);
  }

  private static Request<RequestDataContext> request(Map<String, Object> attributes) {
    RequestData data =
        new RequestData(
            HttpMethod.GET,
            URI.create("http://gateway/api/items"),
            new HttpHeaders(),
            new LinkedMultiValueMap<>(),
            new HashMap<>(attributes));
    return new DefaultRequest<>(new RequestDataContext(data));
  }

  private static CompletionContext<ResponseData, ServiceInstance, RequestDataContext> failed(
      ServiceInstance instance, Throwable error) {
    return new CompletionContext<>(
        CompletionContext.Status.FAILED, error, request(Map.of()), new DefaultResponse(instance));
  }
}
