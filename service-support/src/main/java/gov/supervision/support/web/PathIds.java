package gov.supervision.support.web;

import gov.supervision.support.openapi.ContractCustomizer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A path variable {@code {id}} that cannot be an id (longer than 200 characters, or other than
 * letters, digits and {@code _ . : @ -}) is 400 naming {@code id}, before any lookup: the OpenAPI
 * document promises {@link ContractCustomizer#ID_PATTERN}, and this keeps the promise.
 */
public class PathIds implements HandlerInterceptor {

  private static final Pattern ID = Pattern.compile(ContractCustomizer.ID_PATTERN);

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables instanceof Map<?, ?> map
        && map.get("id") instanceof String id
        && !ID.matcher(id).matches()) {
      throw ApiProblem.badField(
          "id", "编号为 1-200 个字母、数字或 _ . : @ - 1-200 letters, digits, _ . : @ -");
    }
    return true;
  }
}
