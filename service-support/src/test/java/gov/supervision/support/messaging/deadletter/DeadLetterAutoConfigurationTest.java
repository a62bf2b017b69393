package gov.supervision.support.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The replay is there for a service with a {@link ReplayableListener} and only then, reads the
 * dead-letter topics {@code TopicAccess} grants the service, and stops a start whose service the
 * code gives no dead letters to replay (no broker needed: nothing connects before a request).
 */
class DeadLetterAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  KafkaAutoConfiguration.class, DeadLetterAutoConfiguration.class));

  @Test
  void aServiceWithoutAReplayableListenerHasNoReplay() {
    runner
        .withPropertyValues("spring.application.name=checklist-service")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(DeadLetterReplay.class);
              assertThat(context).doesNotHaveBean(DeadLetterController.class);
            });
  }

  @Test
  void eachServiceReplaysTheDeadLettersOfWhatItsListenerConsumes() {
    ReplayableListener listener = record -> {};
    for (var expected :
        List.of(
            List.of("checklist-service", "evaluation.cadre.v1-dlt"),
            List.of("evaluation-service", "supervision.checklist.v1-dlt"),
            List.of(
                "notification-service",
                "evaluation.cadre.v1-dlt",
                "supervision.checklist.v1-dlt"))) {
      runner
          .withBean(ReplayableListener.class, () -> listener)
          .withPropertyValues("spring.application.name=" + expected.get(0))
          .run(
              context -> {
                assertThat(context).hasSingleBean(DeadLetterController.class);
                assertThat(context.getBean(DeadLetterReplay.class).topics())
                    .as(expected.get(0))
                    .containsExactlyElementsOf(expected.subList(1, expected.size()));
              });
    }
  }

  @Test
  void aServiceTheCodeGivesNoDeadLettersToReplayDoesNotStart() {
    runner
        .withBean(ReplayableListener.class, () -> record -> {})
        .withPropertyValues("spring.application.name=gateway")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("gateway has a ReplayableListener"));
  }
}
