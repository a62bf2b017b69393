package gov.supervision.localstack.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name=value} arguments of a launcher's {@code main}; unknown names are kept so a
 * launcher can pass them on.
 */
public final class LauncherArgs {

  private final Map<String, String> values = new LinkedHashMap<>();

  private LauncherArgs() {}

  /** Parses {@code --name=value} pairs; anything else is rejected with a clear message. */
  public static LauncherArgs parse(String... args) {
    LauncherArgs parsed = new LauncherArgs();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 3) {
        throw new IllegalArgumentException("expected --name=value, got: " + arg);
      }
      parsed.values.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    return parsed;
  }

  /** The value of {@code name}, or {@code fallback} when it was not given. */
  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** The port given as {@code name}, or {@code fallback}. */
  public int port(String name, int fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " is not a port: " + value, e);
    }
  }

  /** The directory given as {@code name}, or {@code fallback}, made absolute. */
  public Path dir(String name, String fallback) {
    return Path.of(get(name, fallback)).toAbsolutePath().normalize();
  }
}
