package gov.supervision.notification.delivery;

import gov.supervision.notification.config.NotificationProperties;
import gov.supervision.notification.config.NotificationProperties.Webhook.Endpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Stops the start when a webhook endpoint could be forged: outside the {@code local} profile every
 * endpoint needs an id, an http(s) URL and a secret of its own of at least {@value #MIN_LENGTH}
 * characters that is no known default; ids are unique everywhere.
 */
@Component
class WebhookSecretCheck implements InitializingBean {

  static final int MIN_LENGTH = 32;

  /** Secrets that were ever shipped as defaults or examples. */
  private static final Set<String> KNOWN_DEFAULTS =
      Set.of("change-me", "local-webhook-secret", "test-webhook-secret", "secret");

  private final List<Endpoint> endpoints;
  private final boolean local;

  WebhookSecretCheck(NotificationProperties properties, Environment environment) {
    this.endpoints = properties.webhook().endpoints();
    this.local = environment.acceptsProfiles(Profiles.of("local"));
  }

  @Override
  public void afterPropertiesSet() {
    List<String> problems = problems(endpoints, local);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "webhook endpoints refused (supervision.notification.webhook.endpoints): "
              + String.join("; ", problems));
    }
  }

  static List<String> problems(List<Endpoint> endpoints, boolean local) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < endpoints.size(); i++) {
      Endpoint endpoint = endpoints.get(i);
      String name = "[" + i + "]";
      if (endpoint.id() == null || !endpoint.id().matches("[A-Za-z0-9._-]{1,64}")) {
        problems.add(name + ".id: 1-64 letters, digits or ._-");
      } else if (!ids.add(endpoint.id())) {
        problems.add(name + ".id: " + endpoint.id() + " is used twice");
      }
      if (endpoint.url() == null || !endpoint.url().matches("(?i)https?://.+")) {
        problems.add(name + ".url: an http(s) URL");
      }
      String secret = endpoint.secret();
      if (secret == null || secret.isBlank()) {
        problems.add(name + ".secret: missing");
      } else if (!local
          && (secret.length() < MIN_LENGTH || KNOWN_DEFAULTS.contains(secret.toLowerCase()))) {
        problems.add(
            name + ".secret: outside local at least " + MIN_LENGTH + " characters, no default");
      }
    }
    return problems;
  }
}
