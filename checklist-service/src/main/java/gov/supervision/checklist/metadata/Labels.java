package gov.supervision.checklist.metadata;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Display labels of enum codes from the message bundle: zh-CN first, English second. */
@Component
public class Labels {

  /** The bundle's default (zh-CN) locale. */
  public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final MessageSource messages;

  Labels(MessageSource messages) {
    this.messages = messages;
  }

  public String zh(Enum<?> value) {
    return label(value, ZH);
  }

  public String en(Enum<?> value) {
    return label(value, Locale.ENGLISH);
  }

  public String label(Enum<?> value, Locale locale) {
    String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    return messages.getMessage(key, null, value.name(), locale);
  }

  /** The name of a unit ({@code unit.<code>}), or the code when the bundle has none. */
  public String unit(String code, Locale locale) {
    return messages.getMessage("unit." + code, null, code, locale);
  }

  /** A plain message of the bundle in zh-CN. */
  public String zh(String key) {
    return messages.getMessage(key, null, key, ZH);
  }
}
