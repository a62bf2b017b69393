package gov.supervision.localstack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
  void theKeyFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
    SigningKeyStore.loadOrCreate(dir);
    Path file = dir.resolve(SigningKeyStore.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .as("the private signing key of the local issuer")
        .isEqualTo("rw-------");
    // and it stays so when the key is read back after a restart
    SigningKeyStore.loadOrCreate(dir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var left = Files.list(dir)) {
      assertThat(left).as("no temporary copy left behind").containsExactly(file);
    }
  }
}
