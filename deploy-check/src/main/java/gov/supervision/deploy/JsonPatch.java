package gov.supervision.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code add}, {@code replace} and {@code remove} operations of a JSON patch (RFC 6902). */
final class JsonPatch {

  private JsonPatch() {}

  /** Applies {@code operations} (the parsed patch file) to {@code target} in place. */
  static void apply(Object operations, Map<String, Object> target) {
    if (!(operations instanceof List<?> ops)) {
      throw new IllegalArgumentException("a JSON patch is a list of operations");
    }
    for (Object op : ops) {
      String kind = Tree.text(op, "op");
      String path = Tree.text(op, "path");
      if (kind == null || path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("an operation needs op and an absolute path: " + op);
      }
      List<String> steps = steps(path);
      Object parent = walk(target, steps.subList(0, steps.size() - 1), path);
      String last = steps.get(steps.size() - 1);
      switch (kind) {
        case "add" -> add(parent, last, Tree.get(op, "value"), path);
        case "replace" -> replace(parent, last, Tree.get(op, "value"), path);
        case "remove" -> remove(parent, last, path);
        default -> throw new UnsupportedOperationException("JSON patch op not rendered: " + kind);
      }
    }
  }

  private static List<String> steps(String path) {
    List<String> steps = new ArrayList<>();
    for (String raw : path.substring(1).split("/", -1)) {
      steps.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return steps;
  }

  private static Object walk(Object node, List<String> steps, String path) {
    Object at = node;
    for (String step : steps) {
      if (at instanceof Map<?, ?> map && map.containsKey(step)) {
        at = map.get(step);
      } else if (at instanceof List<?> list && index(step, list.size() - 1) >= 0) {
        at = list.get(index(step, list.size() - 1));
      } else {
        throw new IllegalArgumentException("no " + path + ": " + step + " is missing");
      }
    }
    return at;
  }

  @SuppressWarnings("unchecked")
  private static void add(Object parent, String key, Object value, String path) {
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(key, value);
    } else if (parent instanceof List<?> list) {
      int at = "-".equals(key) ? list.size() : index(key, list.size());
      if (at < 0) {
        throw new IllegalArgumentException("no index " + key + " for " + path);
      }
      ((List<Object>) list).add(at, value);
    } else {
      throw new IllegalArgumentException("cannot add under a scalar: " + path);
    }
  }

  @SuppressWarnings("unchecked")
  private static void replace(Object parent, String key, Object value, String path) {
    if (parent instanceof Map<?, ?> map && map.containsKey(key)) {
      ((Map<String, Object>) map).put(key, value);
    } else if (parent instanceof List<?> list && index(key, list.size() - 1) >= 0) {
      ((List<Object>) list).set(index(key, list.size() - 1), value);
    } else {
      throw new IllegalArgumentException("nothing to replace at " + path);
    }
  }

  private static void remove(Object parent, String key, String path) {
    if (parent instanceof Map<?, ?> map && map.containsKey(key)) {
      map.remove(key);
    } else if (parent instanceof List<?> list && index(key, list.size() - 1) >= 0) {
      list.remove(index(key, list.size() - 1));
    } else {
      throw new IllegalArgumentException("nothing to remove at " + path);
    }
  }

  /** The list index {@code step} names, if it is one in {@code [0, max]}; else -1. */
  private static int index(String step, int max) {
    if (!step.matches("0|[1-9][0-9]*")) {
      return -1;
    }
    int index = Integer.parseInt(step);
    return index <= max ? index : -1;
  }
}
