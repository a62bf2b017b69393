package gov.supervision.support.openapi;

import gov.supervision.support.security.CurrentUser;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * One OpenAPI contract style for every service ({@link ContractCustomizer}). The OAuth2 endpoints
 * default to Spring Authorization Server's under the token issuer; {@code
 * supervision.openapi.authorization-url} / {@code token-url} set others (Keycloak: {@code
 * <issuer>/protocol/openid-connect/auth} and {@code .../token}).
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class OpenApiAutoConfiguration {

  static {
    // the caller comes from the token (CurrentUserArgumentResolver), never from the request
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
  }

  @Bean
  EnumMeanings enumMeanings(MessageSource messages, BeanFactory beans) {
    return new EnumMeanings(
        messages,
        AutoConfigurationPackages.has(beans) ? AutoConfigurationPackages.get(beans) : List.of());
  }

  @Bean
  ContractCustomizer contractCustomizer(
      @Value("${spring.application.name:service}") String service,
      JsonMapper json,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:http://localhost:9000}")
          String issuer,
      @Value("${supervision.openapi.authorization-url:}") String authorizationUrl,
      @Value("${supervision.openapi.token-url:}") String tokenUrl) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    return new ContractCustomizer(
        service,
        ContractTexts.load(OpenApiAutoConfiguration.class.getClassLoader()),
        json,
        authorizationUrl.isBlank() ? base + "/oauth2/authorize" : authorizationUrl,
        tokenUrl.isBlank() ? base + "/oauth2/token" : tokenUrl);
  }
}
