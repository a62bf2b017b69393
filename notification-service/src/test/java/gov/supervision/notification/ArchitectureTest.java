package gov.supervision.notification;

import gov.supervision.testsupport.ServiceArchitectureRules;

/**
 * The suite's shared architecture rules. This service's domain may also use the JDK's {@code
 * javax.crypto}: it signs webhook bodies ({@code WebhookSignature}, HMAC-SHA256).
 */
class ArchitectureTest extends ServiceArchitectureRules {

  ArchitectureTest() {
    super("gov.supervision.notification", "javax.crypto..");
  }
}
