package gov.supervision.evaluation;

import gov.supervision.testsupport.ServiceArchitectureRules;

/** The suite's shared architecture rules; this service adds none of its own. */
class ArchitectureTest extends ServiceArchitectureRules {

  ArchitectureTest() {
    super("gov.supervision.evaluation");
  }
}
