package gov.supervision.checklist;

import gov.supervision.testsupport.docs.ApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** docs/api.md lists exactly the endpoints this service maps: neither side can drift. */
class ApiContractIT extends ChecklistIT {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Test
  void theContractListsExactlyTheMappedEndpoints() {
    ApiContract.assertDocumentsExactly("checklist-service", mapping);
  }
}
