package gov.supervision.deploy;

import java.util.List;
import java.util.Map;

/** Reads parsed YAML (maps, lists, scalars) along a path; a missing step gives an empty result. */
final class Tree {

  private Tree() {}

  /** The node at {@code path} under {@code node}, or null. */
  static Object get(Object node, String... path) {
    Object at = node;
    for (String step : path) {
      if (!(at instanceof Map<?, ?> map)) {
        return null;
      }
      at = map.get(step);
    }
    return at;
  }

  /** The map at {@code path}, or an empty one. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String... path) {
    return get(node, path) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** The list at {@code path}, or an empty one. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, String... path) {
    return get(node, path) instanceof List<?> list ? (List<Object>) list : List.of();
  }

  /** The maps in the list at {@code path}. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object node, String... path) {
    return list(node, path).stream()
        .filter(Map.class::isInstance)
        .map(m -> (Map<String, Object>) m)
        .toList();
  }

  /** The scalar at {@code path} as text, or null. */
  static String text(Object node, String... path) {
    Object value = get(node, path);
    return value == null || value instanceof Map || value instanceof List
        ? null
        : String.valueOf(value);
  }

  /** {@code kind/name} of a manifest, for messages. */
  static String id(Map<String, Object> manifest) {
    return text(manifest, "kind") + " " + text(manifest, "metadata", "name");
  }
}
