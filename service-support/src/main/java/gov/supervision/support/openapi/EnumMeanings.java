package gov.supervision.support.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Says what every enum value of the API means, zh-CN and English, in the description of each
 * property and parameter that takes one ({@code 取值 Values: CODE = 中文 English; ...}). The meanings
 * come from where the service already keeps them for people: its message bundle ({@code
 * enum.<Type>.<CODE>}, zh-CN by default, {@code messages_en} for English), else the enum's own
 * {@code label()} for zh-CN.
 */
public class EnumMeanings
    implements PropertyCustomizer, ParameterCustomizer, GlobalOpenApiCustomizer {

  static final String VALUES = "取值 Values: ";

  private final MessageSource messages;

  /** Every enum met while the document was built, for the properties swagger rebuilt after. */
  private final Set<Class<?>> seen = ConcurrentHashMap.newKeySet();

  private final List<String> packages;

  public EnumMeanings(MessageSource messages, List<String> packages) {
    this.messages = messages;
    this.packages = packages;
  }

  @Override
  public Schema customize(Schema property, AnnotatedType type) {
    Class<?> values = enumOf(type.getType());
    if (values != null && property != null) {
      seen.add(values);
      property.description(join(property.getDescription(), meanings(values)));
    }
    return property;
  }

  /**
   * A list documented with {@code @ArraySchema} is rebuilt by swagger after the property
   * customizers ran: its meanings are added here, from the enum (met while building, or of the
   * application's packages) with exactly its values.
   */
  @Override
  @SuppressWarnings("rawtypes")
  public void customise(OpenAPI api) {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return;
    }
    List<Class<?>> candidates = null;
    for (Schema<?> schema : api.getComponents().getSchemas().values()) {
      if (schema.getProperties() == null) {
        continue;
      }
      for (Schema property : schema.getProperties().values()) {
        Schema<?> holder = property.getItems() != null ? property.getItems() : property;
        if (holder.getEnum() == null
            || (property.getDescription() != null && property.getDescription().contains(VALUES))) {
          continue;
        }
        Set<String> names = new HashSet<>();
        holder.getEnum().stream().filter(Objects::nonNull).map(String::valueOf).forEach(names::add);
        if (candidates == null) {
          candidates = Stream.concat(seen.stream(), applicationEnums().stream()).toList();
        }
        candidates.stream()
            .filter(type -> names.equals(namesOf(type)))
            .findFirst()
            .ifPresent(
                type -> property.description(join(property.getDescription(), meanings(type))));
      }
    }
  }

  /** The enums of the application's own packages. */
  private List<Class<?>> applicationEnums() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
    List<Class<?>> enums = new ArrayList<>();
    for (String pkg : packages) {
      for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
        try {
          enums.add(ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          // not loadable here: not one of the API's enums
        }
      }
    }
    return enums;
  }

  private static Set<String> namesOf(Class<?> type) {
    Set<String> names = new HashSet<>();
    for (Object constant : type.getEnumConstants()) {
      names.add(((Enum<?>) constant).name());
    }
    return names;
  }

  @Override
  public Parameter customize(Parameter parameter, MethodParameter method) {
    if (parameter != null && method != null && method.getParameterType().isEnum()) {
      parameter.description(join(parameter.getDescription(), meanings(method.getParameterType())));
    }
    return parameter;
  }

  /** The enum a property holds, itself or as the elements of a collection; null for others. */
  private static Class<?> enumOf(Type type) {
    if (type instanceof Class<?> plain) {
      return plain.isEnum() ? plain : null;
    }
    if (type instanceof JavaType java) {
      if (java.getRawClass().isEnum()) {
        return java.getRawClass();
      }
      JavaType content = java.getContentType();
      return content != null && content.getRawClass().isEnum() ? content.getRawClass() : null;
    }
    return null;
  }

  String meanings(Class<?> type) {
    List<String> parts = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      Enum<?> value = (Enum<?>) constant;
      String key = "enum." + type.getSimpleName() + "." + value.name();
      String zh = messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE);
      if (zh == null) {
        zh = label(value);
      }
      String en = messages.getMessage(key, null, null, Locale.ENGLISH);
      StringBuilder part = new StringBuilder(value.name()).append(" =");
      if (zh != null) {
        part.append(' ').append(zh);
      }
      if (en != null && !en.equals(zh)) {
        part.append(' ').append(en);
      }
      parts.add(part.toString());
    }
    return VALUES + String.join("; ", parts);
  }

  private static String label(Enum<?> value) {
    try {
      Method label = value.getDeclaringClass().getMethod("label");
      return label.getReturnType() == String.class ? (String) label.invoke(value) : null;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static String join(String description, String meanings) {
    if (description == null || description.isBlank()) {
      return meanings;
    }
    return description.contains(VALUES) ? description : description + "\n\n" + meanings;
  }
}
