package gov.supervision.testsupport;

import gov.supervision.testsupport.contract.ContractCheck;
import gov.supervision.testsupport.contract.ContractRecording;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared base of every service's integration tests ({@code *IT}): the application on a random
 * port, wired to the real Kafka broker and MongoDB-compatible server of {@link SuiteInfrastructure}
 * over TCP, trusting the tokens of {@link TestTokens}. Every answer of the service's API during a
 * test is checked against the OpenAPI document it publishes ({@link ContractCheck}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ContractRecording.class)
@ExtendWith(ContractCheck.class)
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
