package gov.supervision.testsupport.archfixture.good.web;

import gov.supervision.testsupport.archfixture.good.domain.Deadline;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller that keeps the rules: constructor injection, no database or broker client. */
@RestController
public class DeadlineController {

  private final LocalDate today;

  public DeadlineController(LocalDate today) {
    this.today = today;
  }

  @GetMapping("/deadline")
  public Deadline deadline() {
    return new Deadline(today, Deadline.Light.GREEN);
  }
}
