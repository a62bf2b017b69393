package gov.supervision.notification.rule;

import gov.supervision.support.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /api/notification-rules}: the rule set, read and replaced as a whole by ADMIN. */
@RestController
@RequestMapping("/api/notification-rules")
@PreAuthorize("hasRole('ADMIN')")
class RuleController {

  private final RuleStore store;

  RuleController(RuleStore store) {
    this.store = store;
  }

  @GetMapping
  RuleSetBody list() {
    return RuleSetBody.of(store.current());
  }

  /** Every change of the rule set, newest first, with the rules before and after it. */
  @GetMapping("/history")
  ChangePage history(
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return ChangePage.of(store.current().history(), page, size);
  }

  @PutMapping
  RuleSetBody replace(@RequestBody RuleSetBody request, CurrentUser user) {
    return RuleSetBody.of(store.replace(request.drafts(), user.sub()));
  }
}
