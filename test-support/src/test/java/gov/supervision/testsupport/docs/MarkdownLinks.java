package gov.supervision.testsupport.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Markdown links of a repository that do not resolve inside it: a relative link to a
 * missing file or heading anchor, a link that leaves the repository ({@code ../} past the root, an
 * absolute path), or an absolute {@code http(s)} link to anything but this machine (a clone has to
 * explain itself; {@code localhost} and {@code 127.0.0.1} are the running suite). Code blocks and
 * code spans are not links.
 */
final class MarkdownLinks {

  /** A link that does not resolve: the file it is in, its line and why. */
  record Broken(Path file, int line, String target, String reason) {
    @Override
    public String toString() {
      return file + ":" + line + " (" + target + "): " + reason;
    }
  }

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", "dist");
  private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]*)>?");
  private static final Pattern REFERENCE =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(\\s.*)?$");
  private static final Pattern HTML_LINK = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern LOCAL_HOST =
      Pattern.compile("^https?://(localhost|127\\.0\\.0\\.1)([:/?#].*)?$");

  private final Path root;
  private final Map<Path, Set<String>> anchors = new HashMap<>();

  MarkdownLinks(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Every Markdown file under the root, build output, dependencies and dot-directories left out.
   */
  List<Path> markdownFiles() {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
          .filter(p -> !skipped(root.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String name = relative.getName(i).toString();
      if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** The broken links of every Markdown file under the root. */
  List<Broken> broken() {
    List<Broken> broken = new ArrayList<>();
    for (Path file : markdownFiles()) {
      broken.addAll(broken(file));
    }
    return broken;
  }

  /** The broken links of one file. */
  List<Broken> broken(Path file) {
    List<Broken> broken = new ArrayList<>();
    List<String> lines = read(file);
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      String text = CODE_SPAN.matcher(line).replaceAll("");
      for (String target : targets(text)) {
        String reason = check(file, target);
        if (reason != null) {
          broken.add(new Broken(root.relativize(file), i + 1, target, reason));
        }
      }
    }
    return broken;
  }

  private static List<String> targets(String text) {
    List<String> targets = new ArrayList<>();
    for (Pattern pattern : List.of(INLINE_LINK, REFERENCE, HTML_LINK)) {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        targets.add(matcher.group(1));
      }
    }
    return targets;
  }

  /** Why the link from the file does not resolve, or null when it does. */
  String check(Path file, String target) {
    if (target.isEmpty()) {
      return "empty link";
    }
    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return LOCAL_HOST.matcher(target).matches()
          ? null
          : "absolute link outside this machine (only http://localhost is allowed)";
    }
    if (target.startsWith("/")) {
      return "absolute path: link relative to the file instead";
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    int query = pathPart.indexOf('?');
    if (query >= 0) {
      pathPart = pathPart.substring(0, query);
    }
    Path resolved =
        pathPart.isEmpty()
            ? file
            : file.getParent()
                .resolve(URLDecoder.decode(pathPart, StandardCharsets.UTF_8))
                .normalize();
    if (!resolved.startsWith(root)) {
      return "points outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file " + root.relativize(resolved);
    }
    if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")) {
      String wanted = URLDecoder.decode(anchor, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      if (!anchorsOf(resolved).contains(wanted)) {
        return "no heading #" + anchor + " in " + root.relativize(resolved);
      }
    }
    return null;
  }

  /** The heading anchors of a Markdown file, as GitHub makes them (duplicates get -1, -2, ...). */
  Set<String> anchorsOf(Path file) {
    return anchors.computeIfAbsent(
        file,
        f -> {
          Set<String> found = new HashSet<>();
          Map<String, Integer> seen = new HashMap<>();
          boolean fenced = false;
          for (String line : read(f)) {
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
              fenced = !fenced;
              continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
              String slug = slug(heading.group(1));
              int count = seen.merge(slug, 1, Integer::sum);
              found.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
          }
          return found;
        });
  }

  /** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens, letters kept. */
  static String slug(String heading) {
    String text =
        heading
            .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
            .replaceAll("<[^>]+>", "")
            .toLowerCase(Locale.ROOT);
    StringBuilder slug = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
              } else if (c == ' ') {
                slug.append('-');
              }
            });
    return slug.toString();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
