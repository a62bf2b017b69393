package gov.supervision.notification.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN: lists this service's dead letters awaiting replay and hands them to its listener again.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class DeadLetterController {

  private final DeadLetterReplay replay;

  DeadLetterController(DeadLetterReplay replay) {
    this.replay = replay;
  }

  /** The dead letters the next replay would hand back (without their payloads). */
  @GetMapping("/api/notifications/dead-letters")
  DeadLetterReplay.Pending pending(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return replay.pending(limit);
  }

  @PostMapping("/api/notifications/dead-letters/replay")
  DeadLetterReplay.Result replay() throws Exception {
    return replay.replay();
  }
}
