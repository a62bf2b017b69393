package gov.supervision.support.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The human texts of a service's OpenAPI document, from {@code openapi.properties} (UTF-8) on its
 * classpath: {@code title}, {@code description}, {@code tag.<controller tag>} ({@code 名称 Name}),
 * with {@code tag.<controller tag>.description}, {@code summary.<method> <path>} per operation, and
 * {@code who.<method> <path>} where the caller rule is not an {@code @PreAuthorize} (a space in a
 * key is written {@code \ }).
 */
public final class ContractTexts {

  static final String RESOURCE = "openapi.properties";

  private final Properties texts;

  ContractTexts(Properties texts) {
    this.texts = texts;
  }

  /** The texts on the classpath (none when the service has no file). */
  static ContractTexts load(ClassLoader classLoader) {
    Properties texts = new Properties();
    try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ContractTexts(texts);
  }

  String get(String key) {
    return texts.getProperty(key);
  }

  String summary(String method, String path) {
    return texts.getProperty("summary." + method.toUpperCase(Locale.ROOT) + " " + path);
  }
}
