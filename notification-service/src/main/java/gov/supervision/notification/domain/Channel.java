package gov.supervision.notification.domain;

/** How a notification reaches its addressee; {@code IN_APP} (the inbox) always applies. */
public enum Channel {
  IN_APP,
  EMAIL,
  WEBHOOK;

  /** The Resilience4j instance name that guards this channel ({@code email}, {@code webhook}). */
  public String resilienceName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
