package gov.supervision.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared base of every service's integration tests ({@code *IT}): the application on a random
 * port, wired to the real Kafka broker and MongoDB-compatible server of {@link SuiteInfrastructure}
 * over TCP, trusting the tokens of {@link TestTokens}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class SuiteIT {

  @DynamicPropertySource
  static void suiteInfrastructure(DynamicPropertyRegistry registry) {
    SuiteInfrastructure infra = SuiteInfrastructure.get();
    registry.add("spring.mongodb.uri", () -> infra.mongoUri("suite"));
    registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
    registry.add("spring.kafka.consumer.auto-offset-reset", () -> "earliest");
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        TestTokens::publicKeyLocation);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }
}
