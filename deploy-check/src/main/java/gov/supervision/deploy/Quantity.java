package gov.supervision.deploy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 2}, {@code 768Mi}, {@code 1G}) as a number.
 */
final class Quantity {

  private static final Pattern FORM =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?");
  private static final Map<String, BigDecimal> UNITS =
      Map.of(
          "m", new BigDecimal("0.001"),
          "Ki", BigDecimal.valueOf(1L << 10),
          "Mi", BigDecimal.valueOf(1L << 20),
          "Gi", BigDecimal.valueOf(1L << 30),
          "Ti", BigDecimal.valueOf(1L << 40),
          "k", BigDecimal.valueOf(1_000L),
          "M", BigDecimal.valueOf(1_000_000L),
          "G", BigDecimal.valueOf(1_000_000_000L),
          "T", BigDecimal.valueOf(1_000_000_000_000L));

  private Quantity() {}

  /** The value, or null when {@code text} is not a quantity. */
  static BigDecimal parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    BigDecimal number = new BigDecimal(m.group(1));
    return m.group(2) == null ? number : number.multiply(UNITS.get(m.group(2)));
  }
}
