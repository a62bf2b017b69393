package gov.supervision.testsupport.archfixture.bad.domain;

import java.time.LocalDate;
import org.springframework.util.Assert;

/** A domain class that uses a framework (the rules must see it). */
public record LeakyDeadline(LocalDate due) {

  public LeakyDeadline {
    Assert.notNull(due, "due");
  }
}
