package gov.supervision.evaluation.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  @Test
  void instancesStartingTogetherShareOneWholeKey() throws Exception {
    int instances = 8;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
    try {
      for (int round = 0; round < 40; round++) {
        Path keyFile = dir.resolve("round-" + round).resolve("access-log.key");
        var start = new java.util.concurrent.CyclicBarrier(instances);
        List<java.util.concurrent.Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          ids.add(
              pool.submit(
                  () -> {
                    start.await();
                    return AccessLogKey.load(null, keyFile, true).id();
                  }));
        }
        Set<String> distinct = new HashSet<>();
        for (var id : ids) {
          distinct.add(id.get());
        }
        assertThat(distinct).as("every instance reads the one key made first").hasSize(1);
        try (var left = Files.list(keyFile.getParent())) {
          assertThat(left).as("no half-made file is left").containsExactly(keyFile);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
            .isEqualTo("rw-------");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
