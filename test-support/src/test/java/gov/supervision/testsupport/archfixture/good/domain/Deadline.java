package gov.supervision.testsupport.archfixture.good.domain;

import gov.supervision.contracts.Topics;
import java.time.LocalDate;

/** A domain class that keeps the rules: the JDK, its own domain and the event contracts. */
public record Deadline(LocalDate due, Light light) {

  public enum Light {
    GREEN,
    RED
  }

  public String topic() {
    return Topics.CHECKLIST;
  }
}
