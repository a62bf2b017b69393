package gov.supervision.notification.witness;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

  private final WitnessedCheckpointStore checkpoints;

  WitnessController(WitnessedCheckpointStore checkpoints) {
    this.checkpoints = checkpoints;
  }

  @GetMapping("/checkpoints")
  WitnessedPage checkpoints(
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return new WitnessedPage(checkpoints.page(page, size), page, size, checkpoints.count());
  }
}
