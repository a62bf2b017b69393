package gov.supervision.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One demo identity of the API contract (docs/api.md): a machine client and the person of the same
 * name alike. The list is {@value #RESOURCE} in this module, the one source that the local issuer
 * (local-stack), {@code seed-demo.sh}, the check of the Keycloak realm file and the tests read.
 *
 * @param id the client id, the person's username and the local issuer's token {@code sub}
 * @param secret the local issuer's client secret and the person's password (demo only; the Keycloak
 *     realm reads its own from the environment)
 * @param roles the {@code roles} claim
 * @param unit the {@code unit} claim, or {@code null} when the identity has none
 * @param name the person's display name (the {@code name} claim)
 */
public record DemoIdentity(String id, String secret, List<String> roles, String unit, String name) {

  /** The class path resource holding the list (a JSON array of these records). */
  public static final String RESOURCE = "/demo-identities.json";

  /** Every demo identity, in the order of the list. */
  public static final List<DemoIdentity> ALL = load();

  public DemoIdentity {
    require("id", id);
    require("secret", secret);
    require("name", name);
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("demo identity " + id + " has no roles");
    }
    roles.forEach(role -> require("role of " + id, role));
    roles = List.copyOf(roles);
    if (unit != null) {
      require("unit", unit);
    }
  }

  /** The demo identity with this id, if any. */
  public static Optional<DemoIdentity> byId(String id) {
    return ALL.stream().filter(identity -> identity.id().equals(id)).findFirst();
  }

  /** The demo identity with this id; an id not in the list is a mistake of the caller. */
  public static DemoIdentity of(String id) {
    return byId(id)
        .orElseThrow(
            () -> new IllegalArgumentException("no demo identity " + id + " in " + RESOURCE));
  }

  /** Reads a list in the form of {@value #RESOURCE}, refusing unknown fields and repeated ids. */
  static List<DemoIdentity> read(InputStream json) {
    List<DemoIdentity> identities =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build()
            .readValue(json, new TypeReference<List<DemoIdentity>>() {});
    Set<String> ids = new HashSet<>();
    for (DemoIdentity identity : identities) {
      if (!ids.add(identity.id())) {
        throw new IllegalArgumentException("demo identity " + identity.id() + " listed twice");
      }
    }
    return List.copyOf(identities);
  }

  private static List<DemoIdentity> load() {
    try (InputStream json = DemoIdentity.class.getResourceAsStream(RESOURCE)) {
      if (json == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return read(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void require(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("demo identity without " + what);
    }
  }
}
