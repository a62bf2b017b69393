package gov.supervision.support.messaging.deadletter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN: lists this service's dead letters awaiting replay and hands them to its listener again,
 * under {@code /api/dead-letters/<spring.application.name>} (the gateway routes each service's
 * prefix to that service).
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class DeadLetterController {

  /** The path of this service's dead letters. */
  public static final String PATH = "/api/dead-letters/${spring.application.name}";

  private final DeadLetterReplay replay;

  public DeadLetterController(DeadLetterReplay replay) {
    this.replay = replay;
  }

  /** The dead letters the next replay would hand back (without their payloads). */
  @GetMapping(PATH)
  public DeadLetterReplay.PendingDeadLetters pending(
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return replay.pending(limit);
  }

  /** Hands everything this service's listener parked since the last replay back to it. */
  @PostMapping(PATH + "/replay")
  public DeadLetterReplay.ReplayResult replay() throws Exception {
    return replay.replay();
  }
}
