package gov.supervision.notification;

import gov.supervision.testsupport.docs.ApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * docs/api.md lists exactly the endpoints this service maps, so neither side can drift; and the
 * service's OpenAPI document is complete (security schemes, summaries, tags, problem+json errors).
 */
class ApiContractIT extends NotificationITSupport {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @LocalServerPort int localPort;

  @Test
  void theOpenApiDocumentIsComplete() {
    ApiContract.assertOpenApiComplete(ApiContract.openApi("notification-service", localPort));
  }

  @Test
  void theContractListsExactlyTheMappedEndpoints() {
    ApiContract.assertDocumentsExactly("notification-service", mapping);
  }
}
