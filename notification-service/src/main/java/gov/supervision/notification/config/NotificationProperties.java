package gov.supervision.notification.config;

import java.time.Duration;
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
    receipt = receipt == null ? new Receipt(null) : receipt;
    directory = directory == null ? Map.of() : Map.copyOf(directory);
    roleMailboxes = roleMailboxes == null ? Map.of() : Map.copyOf(roleMailboxes);
    mail = mail == null ? new Mail(null, null, null) : mail;
    webhook = webhook == null ? new Webhook(null, null, null) : webhook;
    delivery = delivery == null ? new Delivery(null, null, null) : delivery;
  }

  /** 三色督办: how long an item may stay red before step 1 (step 2 after twice that). */
  public record Escalation(Duration after, Duration scanInterval) {
    public Escalation {
      after = after == null ? Duration.ofDays(3) : after;
      scanInterval = scanInterval == null ? Duration.ofMinutes(1) : scanInterval;
    }
  }

  /** 签收: how long a person has to acknowledge before one reminder. */
  public record Receipt(Duration timeout) {
    public Receipt {
      timeout = timeout == null ? Duration.ofDays(2) : timeout;
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

  /** Webhook targets and the HMAC secret; no URL means no webhook delivery is possible. */
  public record Webhook(List<String> urls, String secret, Duration timeout) {
    public Webhook {
      urls = urls == null ? List.of() : List.copyOf(urls);
      secret = secret == null ? "change-me" : secret;
      timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
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
