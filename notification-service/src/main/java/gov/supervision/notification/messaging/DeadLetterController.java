package gov.supervision.notification.messaging;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: {@code POST /api/notifications/dead-letters/replay} re-publishes dead letters. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class DeadLetterController {

  private final DeadLetterReplay replay;

  DeadLetterController(DeadLetterReplay replay) {
    this.replay = replay;
  }

  @PostMapping("/api/notifications/dead-letters/replay")
  DeadLetterReplay.Result replay() throws Exception {
    return replay.replay();
  }
}
