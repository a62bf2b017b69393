package gov.supervision.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one table of coarse rules checked at the door ({@code supervision.access.rules}): a path
 * pattern, optional HTTP methods (all when empty) and the roles of which the caller needs one. The
 * fine rules stay in the services.
 */
@ConfigurationProperties("supervision.access")
public record AccessProperties(List<Rule> rules) {

  public AccessProperties {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** One row: {@code path} (Spring path pattern), {@code methods} (empty = all), {@code roles}. */
  public record Rule(String path, List<String> methods, List<String> roles) {
    public Rule {
      if (path == null || path.isBlank()) {
        throw new IllegalArgumentException("supervision.access.rules[].path is required");
      }
      if (roles == null || roles.isEmpty()) {
        throw new IllegalArgumentException("supervision.access.rules[].roles is required: " + path);
      }
      methods = methods == null ? List.of() : List.copyOf(methods);
      roles = List.copyOf(roles);
    }
  }
}
