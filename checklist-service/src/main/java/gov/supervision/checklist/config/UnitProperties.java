package gov.supervision.checklist.config;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reference units ({@code supervision.units.reference}): the codes of the units under
 * supervision, in the order screens and reports list them. Their names are the message bundle's
 * {@code unit.<code>} labels.
 *
 * @param reference unit codes, 2-10 capital letters each
 */
@ConfigurationProperties("supervision.units")
public record UnitProperties(List<String> reference) {

  private static final Pattern CODE = Pattern.compile("^[A-Z]{2,10}$");

  public UnitProperties {
    reference = reference == null ? List.of() : List.copyOf(reference);
    for (String code : reference) {
      if (!CODE.matcher(code).matches()) {
        throw new IllegalArgumentException(
            "supervision.units.reference: '" + code + "' is not 2-10 capital letters");
      }
    }
    if (reference.stream().distinct().count() != reference.size()) {
      throw new IllegalArgumentException("supervision.units.reference: a code is listed twice");
    }
  }
}
