package gov.supervision.evaluation.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key that seals entries and signs checkpoints never comes from the store. */
class AccessLogKeyTest {

  static final String INJECTED =
      Base64.getEncoder().encodeToString("an injected key of 32 bytes or more".getBytes());

  @TempDir Path dir;

  @Test
  void outsideLocalTheServiceRefusesToStartWithoutAnInjectedKey() {
    Path keyFile = dir.resolve("keys/access-log.key");
    assertThatThrownBy(() -> AccessLogKey.load(null, keyFile, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("supervision.access-log.key");
    assertThatThrownBy(() -> AccessLogKey.load("  ", keyFile, false))
        .isInstanceOf(IllegalStateException.class);
    assertThat(keyFile).doesNotExist();
  }

  @Test
  void aShortOrMalformedKeyIsRefused() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> AccessLogKey.load(short16, dir.resolve("k"), false))
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> AccessLogKey.load("not base64 !", dir.resolve("k"), true))
        .hasMessageContaining("not base64");
  }

  @Test
  void localMakesItsKeyFileOnceReadableByItsOwnerOnly() throws Exception {
    Path keyFile = dir.resolve("keys/access-log.key");
    AccessLogKey first = AccessLogKey.load(null, keyFile, true);
    assertThat(keyFile).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
        .isEqualTo("rwx------");
    AccessLogKey again = AccessLogKey.load(null, keyFile, true);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.mac("x")).isEqualTo(first.mac("x"));
  }

  @Test
  void anInjectedKeyWinsAndSealsVerifyOnlyWithIt() {
    AccessLogKey key = AccessLogKey.load(INJECTED, dir.resolve("unused"), true);
    assertThat(dir.resolve("unused")).doesNotExist();
    String mac = key.mac("head");
    assertThat(mac).hasSize(64);
    assertThat(key.verifies("head", mac)).isTrue();
    assertThat(key.verifies("head2", mac)).isFalse();
    assertThat(key.verifies("head", null)).isFalse();
    AccessLogKey other = AccessLogKey.load(null, dir.resolve("other.key"), true);
    assertThat(other.verifies("head", mac)).isFalse();
    assertThat(other.id()).isNotEqualTo(key.id());
  }
}
