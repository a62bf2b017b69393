package gov.supervision.notification.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code supervision.notification}: escalation and receipt timers, the e-mail
 * directory and role mailboxes, webhook targets, and the delivery worker.
 */
@ConfigurationProperties("supervision.notification")
public record NotificationProperties(
    Escalation escalation,
    Receipt receipt,
    Map<String, DirectoryEntry> directory,
    Map<String, String> roleMailboxes,
    Mail mail,
    Webhook webhook,
    Delivery delivery) {

  public NotificationProperties {
    escalation = escalation == null ? new Escalation(null, null) : escalation;
    receipt = receipt == null ? new Receipt(null, null) : receipt;
    directory = directory == null ? Map.of() : Map.copyOf(directory);
    roleMailboxes = roleMailboxes == null ? Map.of() : Map.copyOf(roleMailboxes);
    mail = mail == null ? new Mail(null, null, null) : mail;
    webhook = webhook == null ? new Webhook(null, null) : webhook;
    delivery = delivery == null ? new Delivery(null, null, null) : delivery;
  }

  /** 三色督办: how long an item may stay red before step 1 (step 2 after twice that). */
  public record Escalation(Duration after, Duration scanInterval) {
    public Escalation {
      after = after == null ? Duration.ofDays(3) : after;
      scanInterval = scanInterval == null ? Duration.ofMinutes(1) : scanInterval;
    }
  }

  /**
   * 签收: how long a person has before one reminder ({@code timeout}, default 2 days), and the
   * deadline shown with a notification that needs a receipt ({@code acknowledgeWithin} after it was
   * created, default 3 days).
   */
  public record Receipt(Duration timeout, Duration acknowledgeWithin) {
    public Receipt {
      timeout = timeout == null ? Duration.ofDays(2) : timeout;
      acknowledgeWithin = acknowledgeWithin == null ? Duration.ofDays(3) : acknowledgeWithin;
      if (acknowledgeWithin.isNegative() || acknowledgeWithin.isZero()) {
        throw new IllegalArgumentException(
            "supervision.notification.receipt.acknowledge-within must be positive");
      }
    }

    /** The 签收 deadline of a notification created at {@code createdAt}. */
    public Instant acknowledgeBy(Instant createdAt) {
      return createdAt.plus(acknowledgeWithin);
    }
  }

  /** A person's entry in the directory. */
  public record DirectoryEntry(String email) {}

  /** E-mail sender, the domain of default addresses, and the base URL of links. */
  public record Mail(String from, String defaultDomain, String linkBase) {
    public Mail {
      from = from == null ? "supervision-alerts@example.invalid" : from;
      defaultDomain = defaultDomain == null ? "example.invalid" : defaultDomain;
      linkBase = linkBase == null ? "http://localhost:8080" : linkBase;
    }
  }

  /**
   * Webhook endpoints, each with its own HMAC secret, so one receiver cannot forge calls to
   * another; no endpoint means no webhook delivery is possible.
   */
  public record Webhook(List<Endpoint> endpoints, Duration timeout) {
    public Webhook {
      endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
      timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    /**
     * One receiver: {@code id} is sent as {@code X-Signature-Key-Id} so it knows which of its keys
     * to check the signature with; {@code secret} signs the calls to {@code url} only.
     */
    public record Endpoint(String id, String url, String secret) {}
  }

  /** The delivery worker: claim time, delay while a circuit is open, and deferrals allowed. */
  public record Delivery(Duration claimTtl, Duration openCircuitDelay, Integer maxDeferrals) {
    public Delivery {
      claimTtl = claimTtl == null ? Duration.ofMinutes(2) : claimTtl;
      openCircuitDelay = openCircuitDelay == null ? Duration.ofSeconds(10) : openCircuitDelay;
      maxDeferrals = maxDeferrals == null ? 30 : maxDeferrals;
    }
  }
}
