package gov.supervision.testsupport.contract;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Registers the {@link ResponseRecorder} first of all filters, so it sees every answer. */
@TestConfiguration(proxyBeanMethods = false)
public class ContractRecording {

  @Bean
  ResponseRecorder responseRecorder() {
    return new ResponseRecorder();
  }

  @Bean
  FilterRegistrationBean<ResponseRecorder> responseRecorderRegistration(ResponseRecorder recorder) {
    FilterRegistrationBean<ResponseRecorder> registration = new FilterRegistrationBean<>(recorder);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
