package gov.supervision.gateway.security;

import gov.supervision.gateway.problem.GatewayProblem;
import gov.supervision.gateway.problem.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * Spring Security's firewall refuses non-normalised paths ({@code ..}, encoded {@code /}, ...)
 * before any route; this makes that refusal a 400 problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class FirewallProblems {

  @Bean
  static BeanPostProcessor firewallRejectionsAsProblems(ObjectProvider<Problems> problems) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof WebFilterChainProxy proxy) {
          proxy.setExchangeRejectedHandler(
              (exchange, rejected) ->
                  problems
                      .getObject()
                      .write(
                          exchange,
                          GatewayProblem.BAD_REQUEST,
                          "请求路径不规范 The request path is not normalised"));
        }
        return bean;
      }
    };
  }
}
