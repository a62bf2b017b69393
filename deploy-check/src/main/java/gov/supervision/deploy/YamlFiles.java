package gov.supervision.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loads YAML files with SnakeYAML's safe constructor (plain maps, lists and scalars only). */
final class YamlFiles {

  private YamlFiles() {}

  /** Every non-empty document of a file, each a map. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(Path file) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : parser().loadAll(read(file))) {
      if (doc == null) {
        continue;
      }
      if (!(doc instanceof Map<?, ?>)) {
        throw new IllegalArgumentException(file + ": a document is not a mapping");
      }
      docs.add((Map<String, Object>) doc);
    }
    return docs;
  }

  /** The single document of a file, whatever its shape (a map, or a list for a JSON patch). */
  static Object document(Path file) {
    return parser().load(read(file));
  }

  /** Every document of a text (a renderer's output). */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(String text) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : parser().loadAll(text)) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  private static Yaml parser() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
