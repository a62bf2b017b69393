package gov.supervision.notification.witness;

import gov.supervision.support.web.ApiProblem;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * AUDITOR: the access-log checkpoints witnessed, newest first; evaluation-service's {@code verify}
 * reads them too, with the auditor's token.
 */
@RestController
@RequestMapping("/api/notifications/witness")
@PreAuthorize("hasRole('AUDITOR')")
class WitnessController {

  private final WitnessedCheckpoints checkpoints;

  WitnessController(WitnessedCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  /** A page of witnessed checkpoints. */
  record WitnessedPage(
      List<WitnessedCheckpoints.Witnessed> content, int page, int size, long totalElements) {}

  @GetMapping("/checkpoints")
  WitnessedPage checkpoints(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw ApiProblem.badField("page", "不能为负 must not be negative");
    }
    if (size < 1 || size > 500) {
      throw ApiProblem.badField("size", "须在 1 到 500 之间 must be 1..500");
    }
    return new WitnessedPage(checkpoints.page(page, size), page, size, checkpoints.count());
  }
}
