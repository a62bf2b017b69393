package gov.supervision.evaluation.accesslog;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access log's chain, seals, checkpoints and witness.
 *
 * @param gapTimeout how long a writer waits for its predecessor before declaring a {@code GAP}
 * @param key the sealing and signing key, base64 of at least 32 bytes; required outside {@code
 *     local}
 * @param keyFile where the {@code local} profile keeps its key when none is injected (created 0600)
 * @param checkpoints when the head is signed
 * @param witness where the witness keeps the checkpoints
 */
@ConfigurationProperties("supervision.access-log")
public record AccessLogProperties(
    @DefaultValue("2s") Duration gapTimeout,
    String key,
    @DefaultValue(".local/keys/access-log.key") Path keyFile,
    @DefaultValue Checkpoints checkpoints,
    @DefaultValue Witness witness) {

  /**
   * @param every a checkpoint at every entry whose number is a multiple of this (0: none)
   * @param interval and one this often while the log has grown since the last checkpoint
   */
  public record Checkpoints(
      @DefaultValue("100") int every, @DefaultValue("60s") Duration interval) {}

  /**
   * @param url the base URL of the service that keeps the witnessed checkpoints
   *     (notification-service)
   * @param timeout how long {@code verify} waits for it
   */
  public record Witness(
      @DefaultValue("http://127.0.0.1:8083") URI url, @DefaultValue("3s") Duration timeout) {}
}
