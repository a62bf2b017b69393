package gov.supervision.checklist.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * File names as people give them (Chinese included): cleaned for storage, and offered back on
 * download as RFC 6266 {@code Content-Disposition} with the UTF-8 name ({@code filename*}, RFC
 * 5987) and an ASCII fallback for old clients.
 */
final class FileNames {

  static final int MAX_LENGTH = 200;

  private FileNames() {}

  /**
   * The name without any directory part, control or bidirectional formatting characters (which can
   * disguise an extension) and surrounding blanks, at most {@value #MAX_LENGTH} characters with its
   * extension kept; empty when nothing is left.
   */
  static String clean(String original) {
    if (original == null) {
      return "";
    }
    String name = Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      String extension = extension(name);
      String suffix = extension.isEmpty() ? "" : "." + extension;
      int keep = MAX_LENGTH - suffix.length();
      name = name.substring(0, name.offsetByCodePoints(0, Math.max(keep, 1))) + suffix;
    }
    return name;
  }

  /** The extension in lower case, without the dot ("" when there is none). */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** {@code attachment} with the name as UTF-8 and an ASCII stand-in. */
  static String contentDisposition(String name) {
    return "attachment; filename=\""
        + asciiFallback(name)
        + "\"; filename*=UTF-8''"
        + percentEncoded(name);
  }

  /**
   * The name with every character outside printable ASCII (and {@code "}, {@code \}, {@code %})
   * replaced by {@code _}; just {@code attachment.<ext>} when no letter or digit is left of the
   * base.
   */
  static String asciiFallback(String name) {
    StringBuilder ascii = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> ascii.append(c >= 0x20 && c < 0x7f && "\"\\%".indexOf(c) < 0 ? (char) c : '_'));
    String extension = extension(name);
    String base =
        extension.isEmpty()
            ? ascii.toString()
            : ascii.substring(0, ascii.length() - extension.length() - 1);
    if (!base.matches(".*[A-Za-z0-9].*")) {
      return extension.isEmpty() || !extension.matches("[a-z0-9]+")
          ? "attachment"
          : "attachment." + extension;
    }
    return ascii.toString();
  }

  /** RFC 5987 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as %XX. */
  static String percentEncoded(String name) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded
            .append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }
}
