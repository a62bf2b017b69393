package gov.supervision.localstack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {

  @TempDir Path dir;

  @Test
  void theSameKeyComesBackAfterARestart() {
    var first = SigningKeyStore.loadOrCreate(dir);
    var second = SigningKeyStore.loadOrCreate(dir);
    assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
    assertThat(second.isPrivate()).isTrue();
    assertThat(second.toPublicJWK()).isEqualTo(first.toPublicJWK());
  }

  @Test
  void demoClientsAreExactlyThoseOfTheContract() {
    assertThat(DemoClient.ALL)
        .extracting(DemoClient::clientId)
        .containsExactly("inspector", "lead-fgw", "lead-jw", "evaluator", "hr", "auditor", "admin");
    assertThat(DemoClient.ALL)
        .allSatisfy(c -> assertThat(c.secret()).isEqualTo(c.clientId() + "-secret"));
  }
}
