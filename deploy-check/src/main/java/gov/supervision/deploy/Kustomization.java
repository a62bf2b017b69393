package gov.supervision.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization directory as {@code kubectl kustomize} does, for the part of kustomize
 * the manifests use: {@code resources} (files and directories), {@code patches} that are JSON
 * patches with a {@code target} kind and name, {@code images} and {@code namespace}. Any other
 * field, or a patch that finds no target, is an error rather than something silently left out.
 */
public final class Kustomization {

  private static final Set<String> RENDERED =
      Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");
  private static final List<List<String>> POD_SPECS =
      List.of(List.of("spec"), List.of("spec", "template", "spec"));

  private Kustomization() {}

  /** The manifests of the kustomization in {@code dir}, in kustomize's resource order. */
  public static List<Map<String, Object>> render(Path dir) {
    Path file = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no kustomization.yaml in " + dir);
    }
    Map<String, Object> kustomization = Tree.map(YamlFiles.document(file));
    for (String field : kustomization.keySet()) {
      if (!RENDERED.contains(field)) {
        throw new UnsupportedOperationException(file + ": '" + field + "' is not rendered here");
      }
    }
    List<Map<String, Object>> manifests = new ArrayList<>();
    for (Object resource : Tree.list(kustomization, "resources")) {
      Path path = dir.resolve(String.valueOf(resource)).normalize();
      manifests.addAll(Files.isDirectory(path) ? render(path) : YamlFiles.documents(path));
    }
    requireUniqueIds(manifests, file);
    for (Map<String, Object> patch : Tree.maps(kustomization, "patches")) {
      applyPatch(dir, patch, manifests);
    }
    for (Map<String, Object> image : Tree.maps(kustomization, "images")) {
      manifests.forEach(manifest -> setImage(manifest, image));
    }
    String namespace = Tree.text(kustomization, "namespace");
    if (namespace != null) {
      manifests.forEach(manifest -> metadata(manifest).put("namespace", namespace));
    }
    return manifests;
  }

  private static void requireUniqueIds(List<Map<String, Object>> manifests, Path file) {
    Set<String> seen = new HashSet<>();
    for (Map<String, Object> manifest : manifests) {
      if (!seen.add(Tree.id(manifest))) {
        throw new IllegalArgumentException(file + ": " + Tree.id(manifest) + " appears twice");
      }
    }
  }

  private static void applyPatch(
      Path dir, Map<String, Object> patch, List<Map<String, Object>> manifests) {
    String path = Tree.text(patch, "path");
    String kind = Tree.text(patch, "target", "kind");
    String name = Tree.text(patch, "target", "name");
    if (path == null || kind == null || name == null || patch.size() != 2) {
      throw new UnsupportedOperationException(
          "only patches with a path and a target kind and name are rendered: " + patch);
    }
    Object operations = YamlFiles.document(dir.resolve(path));
    List<Map<String, Object>> targets =
        manifests.stream()
            .filter(m -> kind.equals(Tree.text(m, "kind")))
            .filter(m -> name.equals(Tree.text(m, "metadata", "name")))
            .toList();
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("patch " + path + " finds no " + kind + " " + name);
    }
    targets.forEach(target -> JsonPatch.apply(operations, target));
  }

  /** Kustomize's image transformer: a container image named {@code name} gets the new name/tag. */
  @SuppressWarnings("unchecked")
  private static void setImage(Map<String, Object> manifest, Map<String, Object> image) {
    String name = Tree.text(image, "name");
    for (List<String> podSpec : POD_SPECS) {
      Map<String, Object> spec = Tree.map(manifest, podSpec.toArray(String[]::new));
      for (String field : List.of("initContainers", "containers")) {
        for (Map<String, Object> container : Tree.maps(spec, field)) {
          ImageRef ref = ImageRef.parse(Tree.text(container, "image"));
          if (ref != null && ref.name().equals(name)) {
            String newName = Tree.text(image, "newName");
            String newTag = Tree.text(image, "newTag");
            ((Map<String, Object>) container)
                .put(
                    "image",
                    new ImageRef(
                            newName != null ? newName : ref.name(),
                            newTag != null ? newTag : ref.tag(),
                            ref.digest())
                        .toString());
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> manifest) {
    return (Map<String, Object>) manifest.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
  }
}
