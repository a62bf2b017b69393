package gov.supervision.notification.alert;

import gov.supervision.notification.domain.NotificationType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a notification's title and body from {@code messages*.properties}: the unit code becomes
 * the unit's name and code-like extras (stages, severities, purposes) their labels.
 */
@Component
public class MessageRenderer {

  /** zh-CN, the language of every stored text, e-mail and webhook. */
  public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

  private static final Pattern CODES = Pattern.compile("[A-Z][A-Z_]{1,40}(,[A-Z][A-Z_]{1,40})*");

  private final MessageSource messages;

  MessageRenderer(MessageSource messages) {
    this.messages = messages;
  }

  /** The title and body of a notification of {@code type} with its stored arguments. */
  public RenderedMessage render(NotificationType type, List<String> args, Locale locale) {
    Object[] values = args.toArray();
    if (values.length > 1) {
      values[1] = unitName(args.get(1), locale);
    }
    for (int i = 0; i < values.length; i++) {
      String value = args.get(i);
      if ((i == 0 || i >= 4) && CODES.matcher(value).matches()) {
        values[i] = labels(value, locale);
      }
    }
    String key = "notification." + type.name();
    return new RenderedMessage(
        messages.getMessage(key + ".title", values, type.name(), locale),
        messages.getMessage(key + ".body", values, type.name(), locale));
  }

  /** The labels of one code or of a comma-separated list of codes, joined as the language does. */
  private String labels(String codes, Locale locale) {
    return java.util.Arrays.stream(codes.split(","))
        .map(code -> messages.getMessage("code." + code, null, code, locale))
        .collect(
            java.util.stream.Collectors.joining(
                messages.getMessage("list.separator", null, ", ", locale)));
  }

  /** The name of a unit code in the language, or the code itself. */
  public String unitName(String code, Locale locale) {
    if (code == null || code.isBlank()) {
      return "";
    }
    return messages.getMessage("unit." + code, null, code, locale);
  }

  /** A text of the bundle with arguments. */
  public String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
