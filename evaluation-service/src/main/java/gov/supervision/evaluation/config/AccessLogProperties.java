package gov.supervision.evaluation.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
   * @param urls the base URLs of the instances of the service that keeps the witnessed checkpoints
   *     (notification-service), asked in this order until one answers
   * @param url the one base URL of earlier configurations, used when {@code urls} is empty
   * @param timeout how long {@code verify} waits for each
   */
  public record Witness(
      @DefaultValue List<URI> urls,
      @DefaultValue("http://127.0.0.1:8083") URI url,
      @DefaultValue("3s") Duration timeout) {

    public Witness {
      urls = urls == null ? List.of() : List.copyOf(urls);
    }

    /** Where to ask, in order: {@code urls}, else the single {@code url}. */
    public List<URI> addresses() {
      return urls.isEmpty() ? List.of(url) : urls;
    }
  }
}
