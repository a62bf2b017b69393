package gov.supervision.testsupport.contract;

import gov.supervision.testsupport.docs.ApiContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every test of a service: each {@code /api/**} answer the service gave during the test must
 * agree with the OpenAPI document the service publishes ({@code /v3/api-docs}): a documented status
 * code for its path and method, a declared media type and a body valid against the schema ({@link
 * OpenApiResponses}). The test fails naming every answer that does not.
 */
public class ContractCheck implements AfterEachCallback {

  private static final Map<String, OpenApiResponses> DOCUMENTS = new ConcurrentHashMap<>();

  @Override
  public void afterEach(ExtensionContext context) {
    ApplicationContext application = SpringExtension.getApplicationContext(context);
    if (!application.containsBean("responseRecorder")) {
      return;
    }
    List<RecordedResponse> answers =
        application.getBean("responseRecorder", ResponseRecorder.class).drain();
    if (answers.isEmpty()) {
      return;
    }
    String port = application.getEnvironment().getRequiredProperty("local.server.port");
    OpenApiResponses document = DOCUMENTS.computeIfAbsent(port, ContractCheck::fetch);
    List<String> violations = new ArrayList<>();
    for (RecordedResponse answer : answers) {
      violations.addAll(
          document.violations(
              answer.method(),
              answer.path(),
              answer.status(),
              answer.contentType(),
              answer.body()));
    }
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "answers that disagree with the service's OpenAPI document:\n  "
              + String.join("\n  ", violations));
    }
  }

  private static OpenApiResponses fetch(String port) {
    return new OpenApiResponses(ApiContract.served(Integer.parseInt(port)));
  }
}
